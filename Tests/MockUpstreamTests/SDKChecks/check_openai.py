"""The official openai SDK, pointed at the mock by base URL alone, parses every success response."""
import os
import openai

base = os.environ["MOCK_BASE_URL"] + "/openai/v1"
client = openai.OpenAI(api_key="sk-sdkcheck", base_url=base, max_retries=0)

models = client.models.list()
assert [m.id for m in models.data][:2] == ["gpt-4o-mini", "gpt-4o"], models

chat = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "Hello"}])
assert chat.choices[0].message.content == "Hello! How can I assist you today?", chat
assert chat.model == "gpt-4o-mini" and chat.usage.total_tokens == 29

pieces = []
for chunk in client.chat.completions.create(model="gpt-4o-mini", stream=True, messages=[{"role": "user", "content": "Hi"}]):
    if chunk.choices and chunk.choices[0].delta.content:
        pieces.append(chunk.choices[0].delta.content)
assert "".join(pieces) == "Hello! How can I help you today?", pieces

tools = [{"type": "function", "function": {"name": "call_api", "parameters": {"type": "object", "properties": {}}}}]
first = client.chat.completions.create(model="gpt-4o-mini", tools=tools, messages=[{"role": "user", "content": "status?"}])
call = first.choices[0].message.tool_calls[0]
assert first.choices[0].finish_reason == "tool_calls" and call.function.name == "call_api", first
final = client.chat.completions.create(model="gpt-4o-mini", tools=tools, messages=[
    {"role": "user", "content": "status?"}, first.choices[0].message.model_dump(exclude_none=True),
    {"role": "tool", "tool_call_id": call.id, "content": "{\"status\": \"ok\"}"}])
assert final.choices[0].finish_reason == "stop" and "status ok" in final.choices[0].message.content, final

legacy = client.completions.create(model="gpt-3.5-turbo-instruct", prompt="Say this is a test")
assert legacy.choices[0].text == "\n\nThis is indeed a test", legacy
streamed = "".join(c.choices[0].text for c in client.completions.create(model="gpt-3.5-turbo-instruct", prompt="x", stream=True))
assert streamed == "\n\nThis is indeed a test", streamed

embedding = client.embeddings.create(model="text-embedding-3-small", input="hello")
assert abs(embedding.data[0].embedding[0] - 0.0023064255) < 1e-6, embedding.data[0].embedding[:2]
floats = client.embeddings.create(model="text-embedding-3-small", input="hello", encoding_format="float")
assert len(floats.data[0].embedding) == 8

try:
    client.chat.completions.create(model="no-such-model", messages=[{"role": "user", "content": "x"}])
    raise SystemExit("expected NotFoundError")
except openai.NotFoundError as error:
    assert error.body["code"] == "model_not_found", error.body
print("openai", openai.__version__, "ok")
