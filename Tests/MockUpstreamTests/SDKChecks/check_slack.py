"""The official slack_sdk, pointed at the mock by base URL alone, parses every success response."""
import os
import slack_sdk
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

client = WebClient(token="xoxb-sdkcheck", base_url=os.environ["MOCK_BASE_URL"] + "/slack/api/")

posted = client.chat_postMessage(channel="C0123456789", text="Hello from Switchboard")
assert posted["ok"] and posted["channel"] == "C0123456789" and posted["message"]["text"] == "Hello from Switchboard", posted.data
updated = client.chat_update(channel="C0123456789", ts=posted["ts"], text="Edited")
assert updated["ok"] and updated["text"] == "Edited", updated.data
reacted = client.reactions_add(channel="C0123456789", timestamp=posted["ts"], name="thumbsup")
assert reacted["ok"], reacted.data

try:
    client.chat_postMessage(channel="C0000000000", text="x")
    raise SystemExit("expected SlackApiError")
except SlackApiError as error:
    assert error.response["error"] == "channel_not_found", error.response.data
print("slack_sdk", slack_sdk.version.__version__, "ok")
