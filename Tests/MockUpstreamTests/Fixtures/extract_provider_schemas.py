#!/usr/bin/env python3
"""Extracts the response schemas the recordings name from the official specs in ../shared/upstreams/ into
provider-schemas.json (draft-07, self-contained), so the spec conformance test needs no network and no YAML.

Run from the repository root: python3 Tests/MockUpstreamTests/Fixtures/extract_provider_schemas.py [UPSTREAMS]
Needs PyYAML for the OpenAI and Stripe YAML specs. Every relaxation applied is listed in "relaxations" with the
ENDPOINTS.md caveat it follows; everything else is the spec's own schema.
"""
import copy, hashlib, json, os, sys

UP = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '../../../../shared/upstreams')
OUT = os.path.join(os.path.dirname(__file__), 'provider-schemas.json')


def load(rel):
    path = os.path.join(UP, rel)
    raw = open(path, 'rb').read()
    if rel.endswith('.yaml'):
        import yaml
        doc = yaml.safe_load(raw)
    else:
        doc = json.loads(raw)
    blob = hashlib.sha1(b'blob %d\0' % len(raw) + raw).hexdigest()
    return doc, blob


def to_draft07(node, ref_prefix):
    """OpenAPI 3.0/3.1 schema → draft-07: nullable → null type, components refs → definitions."""
    if isinstance(node, list):
        return [to_draft07(n, ref_prefix) for n in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if key.startswith('x-') or key in ('discriminator', 'xml', 'externalDocs', 'example', 'examples', 'deprecated',
                                           'readOnly', 'writeOnly', 'nullable', '$schema', '$id', 'description',
                                           'title'):
            continue
        if key == '$ref':
            name = value.split('/')[-1]
            out['$ref'] = '#/definitions/' + name
        elif key in ('properties', 'patternProperties', '$defs', 'definitions'):
            out[key] = {k: to_draft07(v, ref_prefix) for k, v in value.items()}
        else:
            out[key] = to_draft07(value, ref_prefix)
    if node.get('nullable') is True:
        if 'type' in out:
            types = out['type'] if isinstance(out['type'], list) else [out['type']]
            out['type'] = types + ['null']
            if 'enum' in out and None not in out['enum']:
                out['enum'] = out['enum'] + [None]
        else:
            out = {'anyOf': [out, {'type': 'null'}]}
    return out


def refs(node, found):
    if isinstance(node, dict):
        if '$ref' in node:
            found.add(node['$ref'].split('/')[-1])
        for value in node.values():
            refs(value, found)
    elif isinstance(node, list):
        for value in node:
            refs(value, found)


def bundle(root, components):
    """The root schema plus every component it reaches, as one draft-07 document."""
    root = to_draft07(root, '')
    definitions, pending = {}, set()
    refs(root, pending)
    while pending:
        name = pending.pop()
        if name in definitions:
            continue
        definitions[name] = to_draft07(components[name], '')
        more = set()
        refs(definitions[name], more)
        pending |= more - set(definitions)
    doc = {'$schema': 'http://json-schema.org/draft-07/schema#'}
    doc.update(root)
    if definitions:
        doc['definitions'] = definitions
    return doc


schemas, sources, relaxations, shared = {}, {}, [], {}


def add(key, schema, source):
    """Stores the root under its key and its definitions once per spec (the test merges them back)."""
    spec = key.split('#')[0]
    definitions = schema.pop('definitions', {})
    bucket = shared.setdefault(spec, {})
    for name, value in definitions.items():
        if name in bucket and bucket[name] != value:
            raise SystemExit(f'{spec}: two versions of {name}')
        bucket[name] = value
    schemas[key] = schema
    sources[key] = source


# OpenAI (OpenAPI 3.1 YAML)
openai, blob = load('openai/openapi.yaml')
components = openai['components']['schemas']
for name in ['ListModelsResponse', 'CreateChatCompletionResponse', 'CreateChatCompletionStreamResponse',
             'CreateCompletionResponse', 'CreateEmbeddingResponse', 'ErrorResponse']:
    add('openai/openapi.yaml#' + name, bundle({'$ref': '#/components/schemas/' + name}, components),
        f'openai/openapi.yaml blob {blob}, components.schemas.{name}')

variants = copy.deepcopy(components)
variants['CreateCompletionResponse']['properties']['choices']['items']['properties']['finish_reason']['type'] = ['string', 'null']
variants['CreateCompletionResponse']['properties']['choices']['items']['properties']['finish_reason']['enum'] += [None]
add('openai/openapi.yaml#CreateCompletionResponse (stream chunk)',
    bundle({'$ref': '#/components/schemas/CreateCompletionStreamChunk'},
           dict(components, CreateCompletionStreamChunk=variants['CreateCompletionResponse'])),
    f'openai/openapi.yaml blob {blob}, CreateCompletionResponse with finish_reason nullable for stream chunks')
relaxations.append('openai CreateCompletionResponse (stream chunk): finish_reason may be null (ENDPOINTS.md §1: the spec has no separate legacy stream schema; chunks share the shape)')
variants['Embedding']['properties']['embedding'] = {'type': 'string', 'contentEncoding': 'base64'}
add('openai/openapi.yaml#CreateEmbeddingResponse (base64)',
    bundle({'$ref': '#/components/schemas/CreateEmbeddingResponseBase64'},
           dict(components, CreateEmbeddingResponseBase64=json.loads(json.dumps(variants['CreateEmbeddingResponse']).replace(
               '#/components/schemas/Embedding"', '#/components/schemas/EmbeddingBase64"')), EmbeddingBase64=variants['Embedding'])),
    f'openai/openapi.yaml blob {blob}, CreateEmbeddingResponse with embedding as a base64 string')
relaxations.append('openai CreateEmbeddingResponse (base64): embedding is a base64 string when encoding_format=base64 (CreateEmbeddingRequest.encoding_format; the response schema models only floats)')

# ElevenLabs (OpenAPI 3.1 JSON)
eleven, blob = load('elevenlabs/openapi.json')
components = eleven['components']['schemas']
for name in ['GetVoicesResponseModel', 'HTTPValidationError']:
    add('elevenlabs/openapi.json#' + name, bundle({'$ref': '#/components/schemas/' + name}, components),
        f'elevenlabs/openapi.json blob {blob}, components.schemas.{name}')
add('elevenlabs/openapi.json#ModelResponseModel[]',
    bundle({'type': 'array', 'items': {'$ref': '#/components/schemas/ModelResponseModel'}}, components),
    f'elevenlabs/openapi.json blob {blob}, GET /v1/models 200: array of ModelResponseModel')

# HeyGen (the v1/v2/v3 spec; classic endpoints are not in it)
heygen, blob = load('heygen/external-api.json')
components = heygen['components']['schemas']
add('heygen/external-api.json#LegacyAPIError',
    bundle({'type': 'object', 'required': ['error', 'data'],
            'properties': {'error': {'$ref': '#/components/schemas/LegacyAPIError'}, 'data': {'type': 'null'}}}, components),
    f'heygen/external-api.json blob {blob}, components.schemas.LegacyAPIError inside the {{error, data: null}} envelope of its examples')
add('heygen/external-api.json#V1APIError', bundle({'$ref': '#/components/schemas/V1APIError'}, components),
    f'heygen/external-api.json blob {blob}, components.schemas.V1APIError')

# Hugging Face (task JSON Schemas and TGI OpenAPI)
def task(rel):
    doc, blob = load(rel)
    defs = doc.pop('$defs', {})
    text = json.dumps(doc).replace('#/$defs/', '#/definitions/')
    root = json.loads(text)
    return root, {k: json.loads(json.dumps(v).replace('#/$defs/', '#/definitions/')) for k, v in defs.items()}, blob
root, defs, blob = task('huggingface/tasks/text-generation/spec/output.json')
add('huggingface/tasks/text-generation/spec/output.json#TextGenerationOutput[]',
    bundle({'type': 'array', 'minItems': 1, 'items': {'$ref': '#/components/schemas/TextGenerationOutput'}},
           dict(defs, TextGenerationOutput=root)),
    f'huggingface/tasks/text-generation/spec/output.json blob {blob}, as an array (the hf-inference wire form, ENDPOINTS.md §7)')
root, defs, blob = task('huggingface/tasks/text-generation/spec/stream_output.json')
add('huggingface/tasks/text-generation/spec/stream_output.json#TextGenerationStreamOutput',
    bundle({'$ref': '#/components/schemas/TextGenerationStreamOutput'}, dict(defs, TextGenerationStreamOutput=root)),
    f'huggingface/tasks/text-generation/spec/stream_output.json blob {blob}')
root, defs, blob = task('huggingface/tasks/feature-extraction/spec/output.json')
add('huggingface/tasks/feature-extraction/spec/output.json#FeatureExtractionOutput',
    bundle({'$ref': '#/components/schemas/FeatureExtractionOutput'}, dict(defs, FeatureExtractionOutput=root)),
    f'huggingface/tasks/feature-extraction/spec/output.json blob {blob}')
tgi, blob = load('huggingface/text-generation-inference/openapi.json')
add('huggingface/text-generation-inference/openapi.json#ErrorResponse',
    bundle({'$ref': '#/components/schemas/ErrorResponse'}, tgi['components']['schemas']),
    f'huggingface/text-generation-inference/openapi.json blob {blob}, components.schemas.ErrorResponse')

# Stripe (OpenAPI 3.0 YAML, API version 2023-08-16)
stripe, blob = load('stripe/spec3.yaml')
components = copy.deepcopy(stripe['components']['schemas'])
removed = {'invoice': ['paid', 'paid_out_of_band', 'total_tax_amounts', 'subscription_details', 'discount', 'quote',
                       'charge', 'payment_intent', 'subscription', 'subscription_proration_date', 'account_tax_ids',
                       'discounts', 'from_invoice', 'latest_revision', 'on_behalf_of', 'transfer_data', 'test_clock',
                       'last_finalization_error', 'shipping_cost', 'shipping_details', 'rendering_options',
                       'application', 'automatic_tax'],
           'invoiceitem': ['price', 'unit_amount', 'unit_amount_decimal', 'subscription', 'subscription_item',
                           'plan', 'test_clock', 'discounts', 'invoice'],
           'payment_intent': ['invoice'],
           'line_item': ['proration', 'type', 'discount_amounts', 'discountable', 'discounts', 'invoice_item', 'plan',
                         'price', 'proration_details', 'subscription', 'subscription_item', 'tax_amounts', 'tax_rates',
                         'unit_amount_excluding_tax', 'amount_excluding_tax']}
for name, fields in removed.items():
    before = components[name].get('required', [])
    components[name]['required'] = [f for f in before if f not in fields]
    dropped = [f for f in before if f in fields]
    if dropped:
        relaxations.append(f'stripe {name}: not required {dropped} (2023-08-16 spec vs the current fixtures3.json, ENDPOINTS.md §4 caveats)')
for name in ['customer', 'invoice', 'invoiceitem', 'payment_intent', 'error']:
    add('stripe/spec3.yaml#' + name, bundle({'$ref': '#/components/schemas/' + name}, components),
        f'stripe/spec3.yaml blob {blob} (2023-08-16), components.schemas.{name}')

# Slack (Swagger 2.0; relaxed: additionalProperties and the error enum, ENDPOINTS.md §5 caveats)
slack, blob = load('slack/slack_web_openapi_v2.json')
definitions = slack['definitions']
def relax(node):
    if isinstance(node, dict):
        node.pop('additionalProperties', None) if node.get('additionalProperties') is False else None
        if node.get('type') == 'string' and 'enum' in node and 'not_authed' in node['enum']:
            node.pop('enum')
        for value in node.values():
            relax(value)
    elif isinstance(node, list):
        for value in node:
            relax(value)
for path, method in [('/chat.postMessage', 'chat.postMessage'), ('/chat.update', 'chat.update'), ('/reactions.add', 'reactions.add')]:
    responses = slack['paths'][path]['post']['responses']
    for status, suffix in [('200', 'success schema'), ('default', 'error schema')]:
        schema = copy.deepcopy(responses[status]['schema'])
        relax(schema)
        defs = copy.deepcopy(definitions)
        relax(defs)
        add(f'slack/slack_web_openapi_v2.json#{method} {suffix}', bundle(schema, defs),
            f'slack/slack_web_openapi_v2.json blob {blob}, paths.{path}.post.responses.{status}.schema')
relaxations.append('slack: additionalProperties:false dropped and error enums opened (ENDPOINTS.md §5: the 2020 spec is strict and lacks ratelimited)')
add('slack/slack_web_openapi_v2.json#error schema',
    {'$schema': 'http://json-schema.org/draft-07/schema#', 'type': 'object', 'required': ['ok', 'error'],
     'properties': {'ok': {'const': False}, 'error': {'type': 'string'}}},
    f'slack/slack_web_openapi_v2.json blob {blob}: the members every method error schema shares (ok false, error)')

# Discord (OpenAPI 3.1 JSON)
discord, blob = load('discord/openapi.json')
components = copy.deepcopy(discord['components']['schemas'])
error = copy.deepcopy(components['Error'])
error['required'] = [r for r in error.get('required', []) if r != 'code']
components['RatelimitedError'] = error
components['RatelimitedResponse'] = json.loads(json.dumps(components['RatelimitedResponse']).replace(
    '#/components/schemas/Error"', '#/components/schemas/RatelimitedError"'))
relaxations.append('discord RatelimitedResponse: code not required (ENDPOINTS.md §6: spec and docs conflict; the docs examples omit it)')
for name in ['MessageResponse', 'ErrorResponse', 'RatelimitedResponse']:
    add('discord/openapi.json#' + name, bundle({'$ref': '#/components/schemas/' + name}, components),
        f'discord/openapi.json blob {blob}, components.schemas.{name}')

with open(OUT, 'w') as f:
    json.dump({'description': 'Response schemas extracted from ../shared/upstreams by extract_provider_schemas.py; keys are <spec>#<schema> as recordings name them; each schema uses the definitions of its spec.',
               'relaxations': relaxations, 'sources': sources, 'schemas': schemas, 'definitions': shared},
              f, separators=(',', ':'))
    f.write('\n')
print(len(schemas), 'schemas,', os.path.getsize(OUT), 'bytes')
