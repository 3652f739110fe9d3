// The "Frontend Example (JavaScript)" of seed 000, verbatim but for the three lines marked ADDED that give
// it a base URL, an org and a key (a browser page would have them from its origin and its session).
const base = process.env.SWITCHBOARD_URL;            // ADDED
const org = process.env.SWITCHBOARD_ORG;             // ADDED
const apiKey = process.env.SWITCHBOARD_API_KEY;      // ADDED
const fetch = (path, init) => globalThis.fetch(base + path, init);

async function discoverServices() {
  const response = await fetch(
    `/api/ai-proxy/orgs/${org}/services/`,
    {
      method: 'GET',
      headers: {
        'Authorization': `Api-Key ${apiKey}`,
      }
    }
  );
  return response.json();
}

async function getServiceDetails(serviceSlug) {
  const response = await fetch(
    `/api/ai-proxy/orgs/${org}/services/${serviceSlug}/`,
    {
      method: 'GET',
      headers: {
        'Authorization': `Api-Key ${apiKey}`,
      }
    }
  );
  return response.json();
}

// Usage
const services = await discoverServices();
for (const service of services) {
  console.log(`Service: ${service.display_name}`);
  const details = await getServiceDetails(service.slug);
  console.log(`  Endpoints: ${details.endpoints.map(e => e.slug).join(', ')}`);
}
