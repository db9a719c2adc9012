// The local store's page: talks to the same HTTP API a deployed system exposes (relative URLs, JSON, problem+json
// errors), so it works against the local host or any base URL that serves this page. No framework, no build step.
'use strict';

(() => {
  const TERMINAL = ['COMPLETED', 'OUT_OF_STOCK', 'PAYMENT_FAILED', 'CANCELLED'];
  const CANCELLABLE = ['PENDING', 'RESERVED', 'PAID'];
  const HAPPY_PATH = ['PENDING', 'RESERVED', 'PAID', 'SHIPPED', 'COMPLETED'];
  const POLL_MS = 1000;

  const $ = (id) => document.getElementById(id);
  const state = {
    products: [],
    pollTimer: null,
    view: null,
    lastSubmission: null, // { body, key }: a resubmission of the same body reuses its Idempotency-Key
    list: { cursors: [null], page: 0 },
    listRequest: 0, // only the latest listing request may render: filters can change faster than answers arrive
  };

  // ---- HTTP -------------------------------------------------------------------------------------------------------

  async function api(method, path, body, headers = {}) {
    const init = { method, headers: { Accept: 'application/json', ...headers } };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const response = await fetch(path, init);
    const type = response.headers.get('Content-Type') || '';
    let data = null;
    if (type.includes('json')) {
      try { data = await response.json(); } catch { data = null; }
    }
    return { status: response.status, ok: response.ok, data };
  }

  function problemText(result) {
    const p = result.data || {};
    return p.detail || p.title || p.message || `The API answered ${result.status}.`;
  }

  // ---- Formatting -------------------------------------------------------------------------------------------------

  function money(amount, currency) {
    if (amount === undefined || amount === null || !currency) return '—';
    try {
      return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(Number(amount));
    } catch {
      return `${amount} ${currency}`;
    }
  }

  function when(iso) {
    if (!iso) return '';
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
  }

  function stockOf(product) {
    const s = product.stock;
    if (typeof s === 'number') return s;
    if (s && typeof s.available === 'number') return s.available;
    if (typeof product.available === 'number') return product.available;
    return null;
  }

  function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'text') node.textContent = v;
      else if (k === 'className') node.className = v;
      else if (k.startsWith('data-') || k.startsWith('aria-') || k === 'for' || k === 'role') node.setAttribute(k, v);
      else node[k] = v;
    }
    for (const c of children) node.append(c);
    return node;
  }

  // ---- Routing ----------------------------------------------------------------------------------------------------

  function route() {
    stopPolling();
    const hash = location.hash || '#/';
    const orderMatch = hash.match(/^#\/orders\/([^/?#]+)$/);
    if (orderMatch) {
      show('order');
      openOrder(decodeURIComponent(orderMatch[1]));
    } else if (hash.startsWith('#/orders')) {
      show('orders');
      resetList();
    } else {
      show('shop');
    }
  }

  function show(view) {
    state.view = view;
    for (const name of ['shop', 'order', 'orders']) {
      $(`view-${name}`).hidden = name !== view;
    }
    for (const link of document.querySelectorAll('[data-nav]')) {
      const current = (view === 'shop' && link.dataset.nav === 'shop') || (view !== 'shop' && link.dataset.nav === 'orders');
      if (current) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
    }
  }

  // ---- Shop -------------------------------------------------------------------------------------------------------

  async function loadCatalog() {
    const status = $('catalog-status');
    const products = [];
    let cursor = null;
    try {
      for (let page = 0; page < 10; page++) {
        const query = new URLSearchParams({ limit: '100' });
        if (cursor) query.set('cursor', cursor);
        const result = await api('GET', `products?${query}`);
        if (!result.ok) throw new Error(problemText(result));
        products.push(...(result.data.items || []));
        cursor = result.data.nextCursor;
        if (!cursor) break;
      }
    } catch (e) {
      status.textContent = `Could not load the catalog: ${e.message}`;
      return;
    }
    state.products = products;
    status.textContent = products.length ? `${products.length} products.` : 'The catalog is empty: add products with PUT /products/{productId}.';
    renderCatalog();
  }

  function renderCatalog() {
    const list = $('catalog');
    list.replaceChildren();
    state.products.forEach((p, i) => {
      const qtyId = `qty-${i}`;
      const errId = `err-item-${p.productId}`;
      const stock = stockOf(p);
      list.append(el('li', { className: 'product', 'data-product-id': p.productId },
        el('span', { className: 'product-name', text: p.name }),
        el('span', { className: 'product-meta', text: `${money(p.unitPrice, p.currency)} · ${stock === null ? '' : `${stock} in stock · `}${p.productId}` }),
        el('div', { className: 'qty' },
          el('label', { for: qtyId }, 'Quantity', el('span', { className: 'visually-hidden', text: ` of ${p.name}` })),
          el('input', { id: qtyId, type: 'number', inputMode: 'numeric', min: '0', max: '1000', step: '1', value: '0', 'data-product-id': p.productId, 'aria-describedby': errId })),
        el('p', { className: 'field-error', id: errId, hidden: true })));
    });
    updateCartTotal();
  }

  function selectedItems() {
    const items = [];
    for (const input of document.querySelectorAll('#catalog input[type=number]')) {
      const quantity = Number(input.value);
      if (input.value !== '' && quantity !== 0) {
        items.push({ productId: input.dataset.productId, quantity: Number.isInteger(quantity) ? quantity : input.value });
      }
    }
    return items;
  }

  function updateCartTotal() {
    let total = 0;
    let currency = null;
    for (const item of selectedItems()) {
      const p = state.products.find((x) => x.productId === item.productId);
      if (!p || !Number.isInteger(item.quantity)) continue;
      total += Number(p.unitPrice) * item.quantity;
      currency = currency || p.currency;
    }
    $('cart-total').textContent = currency ? money(total, currency) : '—';
  }

  // randomUUID needs a secure context; a page opened over the network by IP address is not one.
  function newIdempotencyKey() {
    if (crypto.randomUUID) return crypto.randomUUID();
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  function orderBody() {
    const value = (id) => $(id).value.trim();
    const optional = (id) => value(id) || undefined;
    const token = document.querySelector('input[name=paymentToken]:checked');
    return {
      customerId: value('customerId'),
      customerEmail: value('customerEmail'),
      customerName: value('customerName'),
      items: selectedItems(),
      paymentToken: token ? token.value : '',
      shippingAddress: {
        line1: value('line1'),
        line2: optional('line2'),
        city: value('city'),
        region: optional('region'),
        postalCode: value('postalCode'),
        country: value('country').toUpperCase(),
      },
    };
  }

  function clearErrors() {
    for (const p of document.querySelectorAll('#order-form .field-error')) {
      p.hidden = true;
      p.textContent = '';
    }
    for (const input of document.querySelectorAll('#order-form [aria-invalid]')) input.removeAttribute('aria-invalid');
    for (const row of document.querySelectorAll('#catalog .invalid')) row.classList.remove('invalid');
    const summary = $('form-summary');
    summary.hidden = true;
    summary.replaceChildren();
  }

  // Puts each message of the problem's `errors` next to the field it concerns; what has no field goes in the summary.
  function showErrors(problem, items) {
    const unplaced = [];
    const placed = [];
    let firstInvalid = null;
    for (const [path, messages] of Object.entries(problem.errors || {})) {
      const text = (Array.isArray(messages) ? messages : [messages]).join(' ');
      let target = document.getElementById(`err-${path}`);
      let input = target ? document.querySelector(`[aria-describedby~="err-${CSS.escape(path)}"]`) : null;
      const line = path.match(/^items\[(\d+)\]/);
      if (!target && line && items[Number(line[1])]) {
        const productId = items[Number(line[1])].productId;
        target = document.getElementById(`err-item-${productId}`);
        input = document.querySelector(`#catalog input[data-product-id="${CSS.escape(productId)}"]`);
        if (target) target.closest('.product').classList.add('invalid');
      }
      if (!target) {
        unplaced.push(`${path}: ${text}`);
        continue;
      }
      target.textContent = target.hidden ? text : `${target.textContent} ${text}`;
      target.hidden = false;
      if (input) {
        input.setAttribute('aria-invalid', 'true');
        firstInvalid = firstInvalid || input;
        placed.push({ input, text });
      }
    }
    const count = Object.keys(problem.errors || {}).length;
    const summary = $('form-summary');
    summary.append(el('p', { text: count ? `The order was not placed: ${count} ${count === 1 ? 'field needs' : 'fields need'} attention.` : `The order was not placed: ${problemText({ data: problem })}` }));
    // Each placed message is also listed here, linked to its field; what has no field is listed as is.
    const entries = placed.map(({ input, text }) => {
      const link = el('a', { href: '#', text: `${labelOf(input)}: ${text}` });
      link.addEventListener('click', (e) => { e.preventDefault(); input.focus(); });
      return el('li', {}, link);
    }).concat(unplaced.map((t) => el('li', { text: t })));
    if (entries.length) summary.append(el('ul', {}, ...entries));
    summary.hidden = false;
    (firstInvalid || summary).focus();
  }

  function labelOf(input) {
    if (input.labels && input.labels[0]) return input.labels[0].textContent.replace(/\s*\(optional\)\s*$/, '').trim();
    const legend = input.closest('fieldset') && input.closest('fieldset').querySelector('legend');
    return legend ? legend.textContent : input.name || input.id;
  }

  function showFormMessage(text) {
    const summary = $('form-summary');
    summary.replaceChildren(el('p', { text }));
    summary.hidden = false;
    summary.focus();
  }

  async function placeOrder(event) {
    event.preventDefault();
    clearErrors();
    const body = orderBody();
    const serialized = JSON.stringify(body);
    if (!state.lastSubmission || state.lastSubmission.body !== serialized) {
      state.lastSubmission = { body: serialized, key: newIdempotencyKey() };
    }
    const button = $('place-order');
    button.disabled = true;
    button.textContent = 'Placing order…';
    try {
      const result = await api('POST', 'orders', body, { 'Idempotency-Key': state.lastSubmission.key });
      if (result.status === 201 || result.status === 200) {
        state.lastSubmission = null;
        location.hash = `#/orders/${encodeURIComponent(result.data.orderId)}`;
      } else if (result.status === 400 && result.data && result.data.errors) {
        showErrors(result.data, body.items);
      } else {
        showFormMessage(`The order was not placed (${result.status}): ${problemText(result)}`);
      }
    } catch (e) {
      showFormMessage(`Could not reach the API (${e.message}). Placing the same order again is safe: it reuses its Idempotency-Key.`);
    } finally {
      button.disabled = false;
      button.textContent = 'Place order';
    }
  }

  // ---- One order --------------------------------------------------------------------------------------------------

  function stopPolling() {
    if (state.pollTimer) clearTimeout(state.pollTimer);
    state.pollTimer = null;
    $('order-polling').hidden = true;
  }

  async function openOrder(orderId) {
    $('order-id').textContent = orderId;
    $('order-message').hidden = true;
    $('order-status').textContent = '…';
    $('order-status').removeAttribute('data-status');
    await refreshOrder(orderId);
  }

  async function refreshOrder(orderId) {
    let result;
    try {
      result = await api('GET', `orders/${encodeURIComponent(orderId)}`);
    } catch (e) {
      orderMessage(`Could not reach the API (${e.message}); trying again.`, true);
      schedulePoll(orderId);
      return;
    }
    if (state.view !== 'order' || $('order-id').textContent !== orderId) return;
    if (result.status === 404) {
      orderMessage('There is no order with this id (it may have been deleted).');
      $('order-status').textContent = 'unknown';
      return;
    }
    if (!result.ok) {
      orderMessage(`Could not read the order (${result.status}): ${problemText(result)}`);
      schedulePoll(orderId);
      return;
    }
    renderOrder(result.data);
    if (TERMINAL.includes(result.data.status)) {
      stopPolling();
    } else {
      schedulePoll(orderId);
    }
  }

  function schedulePoll(orderId) {
    stopPolling();
    $('order-polling').hidden = false;
    state.pollTimer = setTimeout(() => refreshOrder(orderId), POLL_MS);
  }

  function orderMessage(text, info = false) {
    const box = $('order-message');
    box.classList.toggle('info', info);
    box.replaceChildren(el('p', { text }));
    box.hidden = false;
  }

  function renderOrder(order) {
    const status = $('order-status');
    status.textContent = order.status;
    status.dataset.status = order.status;

    const reached = new Set((order.history || []).map((h) => h.status));
    const steps = $('order-steps');
    steps.replaceChildren(...HAPPY_PATH.map((s) => {
      const cls = s === order.status ? 'current' : reached.has(s) ? 'done' : '';
      return el('li', { className: cls, text: s, 'aria-current': s === order.status ? 'step' : undefined });
    }));
    if (!HAPPY_PATH.includes(order.status)) {
      steps.append(el('li', { className: 'failed current', text: order.status, 'aria-current': 'step' }));
    }

    const invoice = $('invoice-link');
    invoice.hidden = !order.invoiceAvailable;
    if (order.invoiceAvailable) {
      invoice.href = `orders/${encodeURIComponent(order.orderId)}/invoice`;
      invoice.download = `invoice-${order.orderId}.pdf`;
    }
    $('cancel-order').hidden = !CANCELLABLE.includes(order.status);

    const facts = $('order-facts');
    const a = order.shippingAddress || {};
    const address = [a.line1, a.line2, [a.postalCode, a.city].filter(Boolean).join(' '), a.region, a.country].filter(Boolean).join(', ');
    const rows = [
      ['Customer', `${order.customerName || ''} <${order.customerEmail || ''}> (${order.customerId || ''})`],
      ['Ship to', address],
      ['Tracking number', order.trackingNumber],
      ['Placed', when(order.createdAt)],
      ['Last change', when(order.updatedAt)],
    ];
    facts.replaceChildren(...rows.filter(([, v]) => v).flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { text: v })]));

    const body = $('order-lines').tBodies[0];
    body.replaceChildren(...(order.items || []).map((line) => el('tr', {},
      el('td', { text: line.name || line.productId }),
      el('td', { className: 'num', text: String(line.quantity) }),
      el('td', { className: 'num', text: money(line.unitPrice, order.currency) }),
      el('td', { className: 'num', text: money(line.lineTotal, order.currency) }))));
    $('order-total').textContent = money(order.total, order.currency);

    $('order-history').replaceChildren(...(order.history || []).map((h) => el('li', {},
      el('strong', { text: h.status }),
      el('time', { dateTime: h.at, text: when(h.at) }),
      el('span', { text: h.reason || '' }))));
  }

  async function cancelOrder() {
    const orderId = $('order-id').textContent;
    const button = $('cancel-order');
    button.disabled = true;
    try {
      const result = await api('POST', `orders/${encodeURIComponent(orderId)}/cancel`, { reason: 'cancelled from the web page' });
      if (result.ok) {
        $('order-message').hidden = true;
        stopPolling();
        renderOrder(result.data);
        if (!TERMINAL.includes(result.data.status)) schedulePoll(orderId);
      } else {
        orderMessage(result.status === 409
          ? `This order can no longer be cancelled: ${problemText(result)}`
          : `Could not cancel (${result.status}): ${problemText(result)}`);
        await refreshOrder(orderId);
      }
    } catch (e) {
      orderMessage(`Could not reach the API (${e.message}).`);
    } finally {
      button.disabled = false;
    }
  }

  // ---- Order list -------------------------------------------------------------------------------------------------

  function resetList() {
    state.list = { cursors: [null], page: 0 };
    loadPage();
  }

  async function loadPage() {
    const { cursors, page } = state.list;
    const query = new URLSearchParams({ limit: $('page-size').value });
    const status = $('status-filter').value;
    if (status) query.set('status', status);
    if (cursors[page]) query.set('cursor', cursors[page]);
    const info = $('orders-status');
    info.textContent = 'Loading…';
    const request = ++state.listRequest;
    let result;
    try {
      result = await api('GET', `orders?${query}`);
    } catch (e) {
      if (request === state.listRequest) info.textContent = `Could not reach the API (${e.message}).`;
      return;
    }
    if (request !== state.listRequest) return;
    if (!result.ok) {
      info.textContent = `Could not list orders (${result.status}): ${problemText(result)}`;
      return;
    }
    const items = result.data.items || [];
    cursors[page + 1] = result.data.nextCursor || null;
    $('orders-table').tBodies[0].replaceChildren(...items.map((o) => el('tr', {},
      el('td', {}, el('a', { href: `#/orders/${encodeURIComponent(o.orderId)}` }, el('code', { text: o.orderId }))),
      el('td', {}, el('span', { className: 'status', 'data-status': o.status, text: o.status })),
      el('td', { text: o.customerName || o.customerId || '' }),
      el('td', { className: 'num', text: money(o.total, o.currency) }),
      el('td', { text: when(o.createdAt) }))));
    info.textContent = items.length
      ? `${items.length} order${items.length === 1 ? '' : 's'}${status ? ` with status ${status}` : ''}, newest first.`
      : `No orders${status ? ` with status ${status}` : ''}${page ? ' on this page' : ' yet'}.`;
    $('page-number').textContent = `Page ${page + 1}`;
    $('page-prev').disabled = page === 0;
    $('page-next').disabled = !result.data.nextCursor;
  }

  // ---- Wiring -----------------------------------------------------------------------------------------------------

  document.addEventListener('DOMContentLoaded', () => {
    $('order-form').addEventListener('submit', placeOrder);
    $('catalog').addEventListener('input', updateCartTotal);
    $('cancel-order').addEventListener('click', cancelOrder);
    $('status-filter').addEventListener('change', resetList);
    $('page-size').addEventListener('change', resetList);
    $('orders-refresh').addEventListener('click', () => loadPage());
    $('orders-filter').addEventListener('submit', (e) => { e.preventDefault(); resetList(); });
    $('page-prev').addEventListener('click', () => { state.list.page = Math.max(0, state.list.page - 1); loadPage(); });
    $('page-next').addEventListener('click', () => { state.list.page += 1; loadPage(); });
    window.addEventListener('hashchange', route);
    loadCatalog();
    route();
  });
})();
