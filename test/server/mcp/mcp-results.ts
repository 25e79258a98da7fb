/**
 * Reading MCP tool results in tests: the SDK's Client types a result loosely, so these name what Grip returns.
 */

/** A tool result as Grip's tools give it. */
export interface ToolResult {
  content: { type: string; text?: string }[];
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
}

/** The text of a result's first content block. */
export function textOf(result: ToolResult): string {
  const first = result.content[0];
  if (first?.type !== 'text' || typeof first.text !== 'string') throw new Error(`expected text content, got ${JSON.stringify(result.content).slice(0, 200)}`);
  return first.text;
}
