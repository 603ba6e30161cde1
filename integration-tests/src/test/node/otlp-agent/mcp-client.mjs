// The MCP TypeScript SDK's real client against a Java MCP server (McpTypeScriptClientIT): connects
// over streamable HTTP to the URL given, lists the tools, calls each tool named on the command line
// once, and closes. Prints one line per call: the tool, then "ok", "isError" or the JSON-RPC
// error's code.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { McpError } from "@modelcontextprotocol/sdk/types.js";

const [url, ...tools] = process.argv.slice(2);
const client = new Client({ name: "agentmetrics-ts-client", version: "1.0.0" });
await client.connect(new StreamableHTTPClientTransport(new URL(url)));
const listed = await client.listTools();
console.log("tools " + listed.tools.map((tool) => tool.name).sort().join(","));
for (const name of tools) {
  try {
    const result = await client.callTool({ name, arguments: {} });
    console.log(name + " " + (result.isError ? "isError" : "ok"));
  } catch (error) {
    console.log(name + " " + (error instanceof McpError ? error.code : "failed: " + error));
  }
}
await client.close();
