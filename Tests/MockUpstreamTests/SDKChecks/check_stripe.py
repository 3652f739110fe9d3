"""The official stripe SDK, pointed at the mock by base URL alone, parses every success response."""
import os
import stripe

client = stripe.StripeClient("sk_test_sdkcheck", base_addresses={"api": os.environ["MOCK_BASE_URL"] + "/stripe"},
                             max_network_retries=0)

customer = client.v1.customers.create(params={"email": "jenny@example.com"})
assert customer.object == "customer" and customer.id.startswith("cus_"), customer
again = client.v1.customers.retrieve(customer.id)
assert again.id == customer.id

item = client.v1.invoice_items.create(params={"customer": customer.id, "amount": 1000, "currency": "usd"})
assert item.object == "invoiceitem" and item.customer == customer.id, item
invoice = client.v1.invoices.create(params={"customer": customer.id})
assert invoice.object == "invoice" and invoice.customer == customer.id, invoice
intent = client.v1.payment_intents.create(params={"amount": 2000, "currency": "eur"})
assert intent.object == "payment_intent" and intent.amount == 2000 and intent.currency == "eur", intent
assert client.v1.payment_intents.retrieve(intent.id).id == intent.id
assert client.v1.invoices.retrieve(invoice.id).object == "invoice"
assert client.v1.invoice_items.retrieve(item.id).object == "invoiceitem"

try:
    client.v1.payment_intents.create(params={"amount": 500, "currency": "usd", "payment_method": "pm_card_chargeDeclined",
                                             "confirm": True})
    raise SystemExit("expected CardError")
except stripe.CardError as error:
    assert error.code == "card_declined", error
try:
    client.v1.customers.retrieve("cus_missing")
    raise SystemExit("expected InvalidRequestError")
except stripe.InvalidRequestError as error:
    assert error.http_status == 404, error
print("stripe", stripe.VERSION, "ok")
