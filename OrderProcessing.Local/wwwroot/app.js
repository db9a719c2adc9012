// The shop's page: talks to the same HTTP API a deployed system exposes (JSON, problem+json errors), to the local host
// (relative URLs) or, in AWS, to the API named by config.json. No framework, no build step.
//
// Who is calling: a token kept in sessionStorage (one tab, gone when it closes) and sent as `Authorization: Bearer` on
// every API call. Locally the host mints it (POST /_local/tokens, "sign in as"); in AWS it is the ID token Cognito's
// hosted UI hands over through the authorization-code flow with PKCE. Without a token the page still works against a
// local host run with `--auth none`.
'use strict';

(() => {
  const TERMINAL = ['COMPLETED', 'OUT_OF_STOCK', 'PAYMENT_FAILED', 'CANCELLED'];
  const CANCELLABLE = ['PENDING', 'RESERVED', 'PAID'];
  const HAPPY_PATH = ['PENDING', 'RESERVED', 'PAID', 'SHIPPED', 'COMPLETED'];
  const POLL_MS = 1000;
  const SESSION_KEY = 'orderprocessing.session'; // { token, expiresAt, source: 'local' | 'cognito' }
  const PKCE_KEY = 'orderprocessing.pkce'; // { verifier, state, returnTo } between the redirect and the callback
  const OPERATORS = 'operators';

  const $ = (id) => document.getElementById(id);
  const state = {
    config: { local: true, apiBase: '' },
    session: null, // { token, expiresAt, source, claims }
    products: [],
    pollTimer: null,
    view: null,
    lastSubmission: null, // { body, key }: a resubmission of the same body reuses its Idempotency-Key
    list: { cursors: [null], page: 0 },
    listRequest: 0, // only the latest listing request may render: filters can change faster than answers arrive
  };

  // ---- Configuration ----------------------------------------------------------------------------------------------

  // config.json beside the page: `{}` on the local host; in AWS the stack writes it (Infra.Plan's ShopPlan.Config):
  // { apiUrl, auth, cognito: { clientId, domain, redirectUri, logoutUri, scopes[] } }. A cognito member means hosted-UI sign-in.
  async function loadConfig() {
    let config = {};
    try {
      const response = await fetch('config.json', { cache: 'no-cache' });
      if (response.ok) config = await response.json();
    } catch {
      config = {};
    }
    const cognito = config.cognito || {};
    const hosted = Boolean(cognito.domain && cognito.clientId);
    const domain = hosted ? (/^https?:\/\//.test(cognito.domain) ? cognito.domain : `https://${cognito.domain}`).replace(/\/+$/, '') : '';
    const here = `${location.origin}${location.pathname}`;
    state.config = {
      local: !hosted,
      apiBase: config.apiUrl ? `${String(config.apiUrl).replace(/\/+$/, '')}/` : '',
      cognitoDomain: domain,
      clientId: cognito.clientId,
      redirectUri: cognito.redirectUri || here,
      logoutUri: cognito.logoutUri || cognito.redirectUri || here,
      scopes: Array.isArray(cognito.scopes) && cognito.scopes.length ? cognito.scopes.join(' ') : 'openid email profile',
    };
  }

  // ---- Session ----------------------------------------------------------------------------------------------------

  function base64UrlDecode(text) {
    const padded = text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '=');
    const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
    return new TextDecoder().decode(bytes);
  }

  function base64UrlEncode(bytes) {
    let text = '';
    for (const b of bytes) text += String.fromCharCode(b);
    return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  // The page reads the token's claims only to show who is signed in and which views to offer; the API checks the token.
  function claimsOf(token) {
    try {
      return JSON.parse(base64UrlDecode(token.split('.')[1] || ''));
    } catch {
      return null;
    }
  }

  // Cognito puts `cognito:groups` in its tokens as an array; accept a space- or comma-separated string as well.
  function groupsOf(claims) {
    const raw = claims['cognito:groups'] ?? claims.groups ?? [];
    if (Array.isArray(raw)) return raw.map(String);
    return String(raw).replace(/^\[|\]$/g, '').split(/[\s,]+/).filter(Boolean);
  }

  function readSession() {
    let stored = null;
    try {
      stored = JSON.parse(sessionStorage.getItem(SESSION_KEY) || 'null');
    } catch {
      stored = null;
    }
    const claims = stored && typeof stored.token === 'string' ? claimsOf(stored.token) : null;
    const expires = stored ? Date.parse(stored.expiresAt) : NaN;
    if (!claims || !(expires > Date.now())) {
      if (stored) sessionStorage.removeItem(SESSION_KEY);
      return null;
    }
    return { ...stored, claims };
  }

  function saveSession(token, expiresAt, source) {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify({ token, expiresAt, source }));
    state.session = readSession();
    renderAccount();
  }

  function isOperator() {
    return Boolean(state.session && groupsOf(state.session.claims).includes(OPERATORS));
  }

  // Operator views: for operators, and for an anonymous caller of a local host (one run with --auth none lets it).
  function mayOperate() {
    return isOperator() || (!state.session && state.config.local);
  }

  // A customer (signed in, not an operator) sees their own orders through /customers/me.
  function isCustomer() {
    return Boolean(state.session) && !isOperator();
  }

  function renderAccount() {
    const session = state.session;
    const name = $('account-name');
    if (session) {
      const c = session.claims;
      name.textContent = `${c.name || c.email || c.sub}${isOperator() ? ' (operator)' : ''}`;
      name.title = `${c.email || ''} · ${c.sub}`;
    } else {
      name.textContent = '';
      name.removeAttribute('title');
    }
    $('sign-in-link').hidden = Boolean(session);
    $('sign-out').hidden = !session;
    $('nav-operator').hidden = !mayOperate();
    $('local-links').hidden = !state.config.local;
    $('orders-title').textContent = isCustomer() ? 'My orders' : 'Recent orders';
    $('orders-export').hidden = !session;
    $('status-field').hidden = isCustomer();
    fillCustomer();
  }

  // A signed-in customer orders for themselves: the API refuses (403) a body customerId other than the token's subject.
  function fillCustomer() {
    const session = state.session;
    const hint = $('customer-hint');
    const id = $('customerId');
    if (!session) {
      id.readOnly = false;
      hint.hidden = true;
      return;
    }
    const c = session.claims;
    if (isCustomer()) {
      id.value = c.sub || '';
      id.readOnly = true;
      hint.textContent = 'Signed in: the order is placed for your account.';
      hint.hidden = false;
    } else {
      id.readOnly = false;
      hint.textContent = 'Operator: you may place an order for any customer.';
      hint.hidden = false;
    }
    if (c.name) $('customerName').value = c.name;
    if (c.email) $('customerEmail').value = c.email;
  }

  // ---- Sign-in ----------------------------------------------------------------------------------------------------

  function signInMessage(text) {
    const box = $('sign-in-message');
    box.replaceChildren(el('p', { text }));
    box.hidden = false;
    box.focus();
  }

  async function localSignIn(event) {
    event.preventDefault();
    $('sign-in-message').hidden = true;
    const subject = $('signin-subject').value.trim();
    const email = $('signin-email').value.trim();
    if (!subject || !email) {
      signInMessage('Give a customer id and an e-mail address.');
      return;
    }
    const body = { subject, email };
    const name = $('signin-name').value.trim();
    if (name) body.name = name;
    if ($('signin-operator').checked) body.groups = [OPERATORS];
    const button = $('sign-in-as');
    button.disabled = true;
    try {
      const response = await fetch('_local/tokens', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(body),
      });
      const data = await response.json().catch(() => null);
      if (!response.ok || !data || !data.token) {
        signInMessage(`The host did not sign a token (${response.status}): ${problemText({ status: response.status, data })}`);
        return;
      }
      saveSession(data.token, data.expiresAt, 'local');
      location.hash = '#/';
    } catch (e) {
      signInMessage(`Could not reach the host (${e.message}).`);
    } finally {
      button.disabled = false;
    }
  }

  // Authorization code with PKCE (RFC 7636): a random verifier stays in this tab, Cognito sees only its SHA-256.
  async function hostedSignIn() {
    const { cognitoDomain, clientId, redirectUri, scopes } = state.config;
    const verifier = base64UrlEncode(crypto.getRandomValues(new Uint8Array(32)));
    const nonce = base64UrlEncode(crypto.getRandomValues(new Uint8Array(16)));
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
    sessionStorage.setItem(PKCE_KEY, JSON.stringify({ verifier, state: nonce, returnTo: location.hash === '#/sign-in' ? '#/' : location.hash }));
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: clientId,
      redirect_uri: redirectUri,
      scope: scopes,
      state: nonce,
      code_challenge: base64UrlEncode(new Uint8Array(digest)),
      code_challenge_method: 'S256',
    });
    location.assign(`${cognitoDomain}/oauth2/authorize?${query}`);
  }

  // Back from the hosted UI with ?code=&state= (or ?error=): check the state, trade the code for tokens, clean the URL.
  async function completeHostedSignIn() {
    const params = new URLSearchParams(location.search);
    if (!params.has('code') && !params.has('error')) return;
    let pending = null;
    try {
      pending = JSON.parse(sessionStorage.getItem(PKCE_KEY) || 'null');
    } catch {
      pending = null;
    }
    sessionStorage.removeItem(PKCE_KEY);
    history.replaceState(null, '', `${location.pathname}${pending && pending.returnTo ? pending.returnTo : '#/'}`);
    if (params.has('error')) {
      location.hash = '#/sign-in';
      signInMessage(`Sign-in did not complete: ${params.get('error_description') || params.get('error')}`);
      return;
    }
    if (!pending || pending.state !== params.get('state')) {
      location.hash = '#/sign-in';
      signInMessage('This sign-in answer does not belong to a sign-in started here: sign in again.');
      return;
    }
    const { cognitoDomain, clientId, redirectUri } = state.config;
    try {
      const response = await fetch(`${cognitoDomain}/oauth2/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'authorization_code', client_id: clientId, code: params.get('code'), redirect_uri: redirectUri, code_verifier: pending.verifier }),
      });
      const tokens = await response.json().catch(() => null);
      if (!response.ok || !tokens || !tokens.id_token) {
        location.hash = '#/sign-in';
        signInMessage(`Sign-in failed at the token endpoint (${response.status}${tokens && tokens.error ? `: ${tokens.error}` : ''}).`);
        return;
      }
      // The API's Cognito authorizer takes the ID token: it carries the e-mail, name and groups the API reads.
      saveSession(tokens.id_token, new Date(Date.now() + Number(tokens.expires_in || 3600) * 1000).toISOString(), 'cognito');
    } catch (e) {
      location.hash = '#/sign-in';
      signInMessage(`Could not reach the sign-in service (${e.message}).`);
    }
  }

  function signOut() {
    const source = state.session && state.session.source;
    sessionStorage.removeItem(SESSION_KEY);
    state.session = null;
    renderAccount();
    if (source === 'cognito' && !state.config.local) {
      const { cognitoDomain, clientId, logoutUri } = state.config;
      location.assign(`${cognitoDomain}/logout?${new URLSearchParams({ client_id: clientId, logout_uri: logoutUri })}`);
      return;
    }
    location.hash = '#/';
    route();
  }

  // ---- HTTP -------------------------------------------------------------------------------------------------------

  function authHeaders() {
    return state.session ? { Authorization: `Bearer ${state.session.token}` } : {};
  }

  async function api(method, path, body, headers = {}) {
    const init = { method, headers: { Accept: 'application/json', ...authHeaders(), ...headers } };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const response = await fetch(`${state.config.apiBase}${path}`, init);
    const type = response.headers.get('Content-Type') || '';
    let data = null;
    if (type.includes('json')) {
      try { data = await response.json(); } catch { data = null; }
    }
    if (response.status === 401 && state.session) {
      // Expired or no longer accepted: forget it, so the page offers to sign in again.
      sessionStorage.removeItem(SESSION_KEY);
      state.session = null;
      renderAccount();
    }
    return { status: response.status, ok: response.ok, data };
  }

  // Invoices and exports need the token too, so a plain link will not do once signed in: fetch, then save the bytes.
  async function download(path, fileName) {
    const response = await fetch(`${state.config.apiBase}${path}`, { headers: authHeaders() });
    if (!response.ok) throw new Error(`the API answered ${response.status}`);
    const named = /filename="?([^";]+)"?/.exec(response.headers.get('Content-Disposition') || '');
    const url = URL.createObjectURL(await response.blob());
    const link = el('a', { href: url, download: named ? named[1] : fileName, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
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

  const VIEWS = ['shop', 'order', 'orders', 'sign-in', 'operator'];

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
    } else if (hash === '#/sign-in') {
      show('sign-in');
      $('local-sign-in').hidden = !state.config.local;
      $('hosted-sign-in').hidden = state.config.local;
    } else if (hash === '#/operator') {
      show('operator');
      openOperator();
    } else {
      show('shop');
    }
  }

  function show(view) {
    state.view = view;
    for (const name of VIEWS) {
      $(`view-${name}`).hidden = name !== view;
    }
    const section = view === 'order' ? 'orders' : view;
    for (const link of document.querySelectorAll('[data-nav]')) {
      if (link.dataset.nav === section) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
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
      $('order-form').hidden = false;
      return;
    }
    state.products = products;
    status.textContent = products.length ? `${products.length} products.` : 'The catalog is empty: add products with PUT /products/{productId}.';
    renderCatalog();
    $('order-form').hidden = false;
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
      } else if (result.status === 401) {
        showFormMessage('Sign in to place an order (Sign in, at the top of the page); the order was not placed.');
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
      invoice.dataset.path = `orders/${encodeURIComponent(order.orderId)}/invoice`;
      invoice.href = `${state.config.apiBase}${invoice.dataset.path}`;
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
    const info = $('orders-status');
    if (!state.session && !state.config.local) {
      info.textContent = 'Sign in to see your orders.';
      $('orders-table').tBodies[0].replaceChildren();
      return;
    }
    // Customers list their own orders (newest first, no status filter); operators and a local --auth none host list all.
    const mine = isCustomer();
    const query = new URLSearchParams({ limit: $('page-size').value });
    const status = mine ? '' : $('status-filter').value;
    if (status) query.set('status', status);
    if (cursors[page]) query.set('cursor', cursors[page]);
    info.textContent = 'Loading…';
    const request = ++state.listRequest;
    let result;
    try {
      result = await api('GET', `${mine ? 'customers/me/orders' : 'orders'}?${query}`);
    } catch (e) {
      if (request === state.listRequest) info.textContent = `Could not reach the API (${e.message}).`;
      return;
    }
    if (request !== state.listRequest) return;
    if (!result.ok) {
      info.textContent = result.status === 401
        ? 'Sign in to see your orders.'
        : `Could not list orders (${result.status}): ${problemText(result)}`;
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

  // ---- Exports ----------------------------------------------------------------------------------------------------

  async function exportOrders(format) {
    const info = $('orders-status');
    try {
      await download(`customers/me/orders/export?format=${format}`, `orders.${format}`);
      info.textContent = `Exported your orders as ${format.toUpperCase()}.`;
    } catch (e) {
      info.textContent = `Could not export your orders: ${e.message}.`;
    }
  }

  // ---- Operator ---------------------------------------------------------------------------------------------------

  function openOperator() {
    if (!mayOperate()) {
      $('dead-letters-status').textContent = 'Only operators see this page: sign in as an operator.';
      $('stock-status').textContent = '';
      $('dead-letters').tBodies[0].replaceChildren();
      $('stock').tBodies[0].replaceChildren();
      return;
    }
    loadDeadLetters();
    loadStock();
  }

  // Dead letters are the local host's own diagnostics (/_local/dead-letters); in AWS they sit on the SQS dead-letter
  // queues, which the operator command line reads.
  async function loadDeadLetters() {
    const info = $('dead-letters-status');
    const body = $('dead-letters').tBodies[0];
    if (!state.config.local) {
      info.textContent = 'In AWS the dead letters are on the stages\' dead-letter queues: use the operator command line.';
      body.replaceChildren();
      return;
    }
    info.textContent = 'Loading…';
    try {
      const response = await fetch('_local/dead-letters', { headers: { Accept: 'application/json', ...authHeaders() } });
      if (!response.ok) throw new Error(`the host answered ${response.status}`);
      const items = (await response.json()).items || [];
      body.replaceChildren(...items.map((d) => el('tr', {},
        el('td', { text: d.stage }),
        el('td', {}, el('code', { text: d.messageId })),
        el('td', { className: 'num', text: String(d.receiveCount) }),
        el('td', { text: d.cause }),
        el('td', { text: when(d.deadLetteredAt) }))));
      info.textContent = items.length ? `${items.length} dead letter${items.length === 1 ? '' : 's'}, oldest first.` : 'No dead letters.';
    } catch (e) {
      info.textContent = `Could not read the dead letters: ${e.message}.`;
    }
  }

  async function loadStock() {
    const info = $('stock-status');
    info.textContent = 'Loading…';
    const result = await api('GET', 'products?limit=100').catch((e) => ({ ok: false, status: 0, data: { detail: e.message } }));
    if (!result.ok) {
      info.textContent = `Could not load the products: ${problemText(result)}`;
      return;
    }
    const products = result.data.items || [];
    $('stock').tBodies[0].replaceChildren(...products.map((p, i) => {
      const id = `stock-${i}`;
      const input = el('input', { id, type: 'number', inputMode: 'numeric', min: '0', step: '1', value: String(stockOf(p) ?? 0) });
      const save = el('button', { type: 'button', text: 'Save' }, el('span', { className: 'visually-hidden', text: ` stock of ${p.name}` }));
      save.addEventListener('click', () => saveStock(p, input, save));
      return el('tr', {},
        el('th', { scope: 'row' }, el('label', { for: id, text: p.name })),
        el('td', { className: 'num', text: money(p.unitPrice, p.currency) }),
        el('td', {}, input),
        el('td', {}, save));
    }));
    info.textContent = `${products.length} products.`;
  }

  async function saveStock(product, input, button) {
    const info = $('stock-status');
    const stock = Number(input.value);
    if (!Number.isInteger(stock) || stock < 0) {
      info.textContent = `Stock of ${product.name} must be a whole number, 0 or more.`;
      input.focus();
      return;
    }
    button.disabled = true;
    try {
      const body = { name: product.name, unitPrice: product.unitPrice, currency: product.currency, stock };
      const result = await api('PUT', `products/${encodeURIComponent(product.productId)}`, body);
      info.textContent = result.ok
        ? `Saved: ${product.name}, ${stockOf(result.data) ?? stock} in stock.`
        : `Could not save ${product.name} (${result.status}): ${problemText(result)}`;
    } catch (e) {
      info.textContent = `Could not reach the API (${e.message}).`;
    } finally {
      button.disabled = false;
    }
  }

  // ---- Wiring -----------------------------------------------------------------------------------------------------

  async function start() {
    state.session = readSession();
    await loadConfig();
    await completeHostedSignIn();
    renderAccount();
    route();
    loadCatalog();
  }

  // The script is deferred: the document is parsed, so the account line can be drawn before the first paint, from the
  // stored session alone; config.json only adds what depends on where the page runs.
  state.session = readSession();
  renderAccount();
  $('order-form').addEventListener('submit', placeOrder);
  $('catalog').addEventListener('input', updateCartTotal);
  $('cancel-order').addEventListener('click', cancelOrder);
  $('invoice-link').addEventListener('click', (e) => {
    if (!state.session) return; // a local host run with --auth none serves it to a plain link
    e.preventDefault();
    const link = e.currentTarget;
    download(link.dataset.path, link.download)
      .catch((err) => orderMessage(`Could not download the invoice: ${err.message}.`));
  });
  $('export-csv').addEventListener('click', () => exportOrders('csv'));
  $('export-json').addEventListener('click', () => exportOrders('json'));
  $('status-filter').addEventListener('change', resetList);
  $('page-size').addEventListener('change', resetList);
  $('orders-refresh').addEventListener('click', () => loadPage());
  $('orders-filter').addEventListener('submit', (e) => { e.preventDefault(); resetList(); });
  $('page-prev').addEventListener('click', () => { state.list.page = Math.max(0, state.list.page - 1); loadPage(); });
  $('page-next').addEventListener('click', () => { state.list.page += 1; loadPage(); });
  $('local-sign-in').addEventListener('submit', localSignIn);
  $('hosted-sign-in-button').addEventListener('click', () => hostedSignIn().catch((e) => signInMessage(`Could not start the sign-in: ${e.message}`)));
  $('sign-out').addEventListener('click', signOut);
  $('dead-letters-refresh').addEventListener('click', loadDeadLetters);
  window.addEventListener('hashchange', route);
  start();
})();
