"""The official elevenlabs SDK, pointed at the mock by base URL alone, parses every success response."""
import os
import elevenlabs
from elevenlabs.client import ElevenLabs

client = ElevenLabs(api_key="sdkcheck", base_url=os.environ["MOCK_BASE_URL"] + "/elevenlabs")

voices = client.voices.get_all()
assert [v.voice_id for v in voices.voices] == ["21m00Tcm4TlvDq8ikWAM", "JBFqnCBsd6RMkjVDRZzb"], voices
models = client.models.list()
assert models[0].model_id == "eleven_multilingual_v2", models

audio = b"".join(client.text_to_speech.convert(voice_id="JBFqnCBsd6RMkjVDRZzb", text="The first move is what sets everything in motion.",
                                               model_id="eleven_multilingual_v2", output_format="mp3_44100_128"))
assert len(audio) > 10000 and audio[0] == 0xFF and audio[1] & 0xE0 == 0xE0, len(audio)
streamed = b"".join(client.text_to_speech.stream(voice_id="JBFqnCBsd6RMkjVDRZzb", text="Hello", model_id="eleven_multilingual_v2"))
assert streamed == audio
print("elevenlabs", getattr(elevenlabs, "__version__", "?"), "ok")
