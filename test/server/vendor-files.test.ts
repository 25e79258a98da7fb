import { describe, expect, it } from 'vitest';
import { staticFiles } from '../../server/routes/static-files.js';
import { vendorMounts } from '../../server/routes/vendor-files.js';

describe('vendorMounts', () => {
  const app = staticFiles(vendorMounts());
  const status = async (path: string) => (await app.request(path)).status;

  it('serves the pdf.js browser build, its worker, cmaps and standard fonts', async () => {
    const script = await app.request('/vendor/pdfjs/build/pdf.min.mjs');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await status('/vendor/pdfjs/build/pdf.worker.min.mjs')).toBe(200);
    expect(await status('/vendor/pdfjs/cmaps/78-H.bcmap')).toBe(200);
    expect(await status('/vendor/pdfjs/standard_fonts/FoxitSerif.pfb')).toBe(200);
  });

  it('serves nothing else from the package', async () => {
    for (const path of ['/vendor/pdfjs/build/pdf.mjs', '/vendor/pdfjs/build/pdf.sandbox.min.mjs', '/vendor/pdfjs/build/pdf.mjs.map', '/vendor/pdfjs/package.json', '/vendor/pdfjs/build/..%2fpackage.json', '/vendor/pdfjs/cmaps/..%2f..%2fpackage.json']) {
      expect(await status(path), path).toBe(404);
    }
  });
});
