-- wrk script: POST /orders with a unique customer per request, spread over the bench catalog's products.
-- Usage: wrk -s post-orders.lua URL -- <run-id> <products>
-- Prints one line "@@wrk {json}" with the 201 count, failures and latency percentiles (microseconds).
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  run = args[1] or "run"
  products = tonumber(args[2] or "100")
  created = 0
  failed = 0
  counter = 0
end

function request()
  counter = counter + 1
  local customer = string.format("c-%s-%d-%d", run, id, counter)
  local body = string.format(
    '{"customerId":"%s","customerEmail":"%s@example.com","customerName":"Customer %d","items":[{"productId":"sku-%d","quantity":1}],"paymentToken":"tok_visa","shippingAddress":{"line1":"1 Main St","city":"Springfield","postalCode":"12345","country":"US"}}',
    customer, customer, counter, (counter * 7 + id) % products)
  return wrk.format("POST", "/orders", { ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
  else
    failed = failed + 1
  end
end

function done(summary, latency, requests)
  local c, f = 0, 0
  for _, t in ipairs(threads) do
    c = c + t:get("created")
    f = f + t:get("failed")
  end
  local e = summary.errors
  io.write(string.format(
    '@@wrk {"created":%d,"failed":%d,"requests":%d,"durationUs":%d,"p50Us":%d,"p90Us":%d,"p99Us":%d,"maxUs":%d,"meanUs":%.1f,"socketErrors":%d}\n',
    c, f, summary.requests, summary.duration, latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency.max, latency.mean, e.connect + e.read + e.write + e.timeout + e.status))
end
