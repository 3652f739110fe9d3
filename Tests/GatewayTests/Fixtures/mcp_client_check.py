"""The official MCP Python client (`mcp` on PyPI) against the gateway's Streamable HTTP endpoint:
initialize, list tools, call one that succeeds and one that fails. Prints one JSON line for the Swift test."""
import asyncio
import json
import os

from contextlib import asynccontextmanager

from mcp import ClientSession

try:  # mcp 2.x
    from mcp.client.streamable_http import streamable_http_client
    from mcp.shared._httpx_utils import create_mcp_http_client

    @asynccontextmanager
    async def connect(url, headers):
        async with create_mcp_http_client(headers=headers) as http:
            async with streamable_http_client(url, http_client=http) as streams:
                yield streams[0], streams[1]
except ImportError:  # mcp 1.x
    from mcp.client.streamable_http import streamablehttp_client

    @asynccontextmanager
    async def connect(url, headers):
        async with streamablehttp_client(url, headers=headers) as streams:
            yield streams[0], streams[1]


def attr(value, snake, camel):
    """mcp 2.x names fields in snake_case, 1.x in camelCase."""
    return getattr(value, snake) if hasattr(value, snake) else getattr(value, camel)


async def main() -> None:
    headers = {"Authorization": f"Bearer {os.environ['MCP_TOKEN']}"}
    async with connect(os.environ["MCP_URL"], headers) as (read, write):
        async with ClientSession(read, write) as session:
            init = await session.initialize()
            tools = await session.list_tools()
            ok = await session.call_tool("slack__send_message", {"channel": "C1", "text": "hi from mcp"})
            bad = await session.call_tool("slack__send_message", {"text": 5})
            await session.send_ping()
            print(json.dumps({
                "protocol": attr(init, "protocol_version", "protocolVersion"),
                "server": attr(init, "server_info", "serverInfo").name,
                "tools": [tool.name for tool in tools.tools],
                "schema": next(attr(t, "input_schema", "inputSchema") for t in tools.tools if t.name == "slack__send_message"),
                "okIsError": attr(ok, "is_error", "isError"), "okText": ok.content[0].text,
                "badIsError": attr(bad, "is_error", "isError"), "badText": bad.content[0].text,
            }))


asyncio.run(main())
