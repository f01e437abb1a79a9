/* The sandbox page: shows what the chosen person sees, and sends what they do. */
(() => {
  const $ = (id) => document.getElementById(id);
  const page = {
    user: localStorage.getItem('scopecut.sandbox.user') || 'U01ANN',
    pane: 'channel',
    snapshot: null,
    modalKey: null,
    loading: false,
    again: false,
    /* The sandbox's clock (Scopecut's) less the browser's: local times follow the app. */
    clockOffset: 0,
    /* A followed link scrolls to its message once, not on every redraw. */
    scrollToLink: false,
    /* The newest direct message each person has had on screen, by user: older ones are read. */
    dmSeen: {}
  };

  function toast(text) {
    const node = $('toast');
    node.textContent = text;
    node.hidden = false;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => { node.hidden = true; }, 5000);
  }

  /* Always JSON: the sandbox refuses other bodies, which any other site could send. */
  async function send(path, body) {
    const response = await fetch('/sandbox/ui/' + path, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body || {})
    });
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) toast(answer.error || ('The sandbox answered HTTP ' + response.status));
    return answer;
  }

  /* Reads the person's view; refreshes asked for meanwhile are folded into one more. */
  async function refresh() {
    if (page.loading) { page.again = true; return; }
    page.loading = true;
    try {
      const response = await fetch('/sandbox/ui/state?user=' + encodeURIComponent(page.user));
      page.snapshot = await response.json();
      page.clockOffset = page.snapshot.now - Date.now();
      draw();
    } finally {
      page.loading = false;
      if (page.again) { page.again = false; refresh(); }
    }
  }

  function me() {
    return page.snapshot.users.find((u) => u.id === page.snapshot.me);
  }

  function context(extra) {
    const users = {};
    const bots = [];
    page.snapshot.users.forEach((u) => {
      users[u.id] = u.real_name;
      if (u.is_bot) bots.push(u.id);
    });
    const channels = { [page.snapshot.channel.id]: page.snapshot.channel.name };
    return Object.assign({ users, bots, channels, tz: me().tz }, extra);
  }

  /* Times as the page's <!date^…^{time}> draws them (blockkit.js): one format on the page. */
  function time(ts) {
    return new Intl.DateTimeFormat('en-US', { timeZone: me().tz, hour: 'numeric', minute: '2-digit' })
      .format(new Date(Number(ts) * 1000));
  }

  /* A person's time of day now, by the sandbox's clock. */
  function localTime(user, weekday) {
    return new Intl.DateTimeFormat('en-US', { timeZone: user.tz, hour: 'numeric', minute: '2-digit',
      weekday: weekday ? 'short' : undefined }).format(new Date(Date.now() + page.clockOffset));
  }

  function quiet(user) {
    return page.snapshot.quietHours[user.id] === true;
  }

  function messageNode(message) {
    const node = document.createElement('article');
    node.className = 'msg' + (message.ephemeral ? ' ephemeral' : '') + (message.rejected.length ? ' rejected' : '')
      + (message.threadTs ? ' thread-reply' : '');
    node.id = message.channel + '-' + message.ts;
    node.dataset.ts = message.ts;
    const head = document.createElement('div');
    head.className = 'msg-head';
    head.innerHTML = '<b></b> <span class="muted"></span>';
    head.querySelector('b').textContent = message.authorName;
    head.querySelector('span').textContent = time(message.ts);
    if (message.threadTs) {
      const badge = document.createElement('span');
      badge.className = 'badge';
      badge.textContent = 'Reply in thread';
      head.appendChild(badge);
    }
    if (message.ephemeral) {
      const badge = document.createElement('span');
      badge.className = 'badge';
      badge.textContent = 'Only visible to you';
      head.appendChild(badge);
    }
    if (!message.ephemeral) {
      // Slack's "More actions" menu on a message, with Scopecut's one message shortcut.
      const shortcut = document.createElement('button');
      shortcut.type = 'button';
      shortcut.className = 'msg-shortcut';
      shortcut.textContent = '⋯ Start scope cut from this message';
      shortcut.addEventListener('click', () => send('shortcut', { user: page.user, channel: message.channel, ts: message.ts }));
      head.appendChild(shortcut);
    }
    node.appendChild(head);
    if (message.rejected.length) {
      const flag = document.createElement('div');
      flag.className = 'rejected-flag';
      flag.textContent = 'Slack would reject this message (invalid_blocks), so nobody would see it: '
        + message.rejected.join('; ');
      node.appendChild(flag);
    }
    const ctx = context({
      onAction: (action) => send('action', { user: page.user, channel: message.channel, ts: message.ts, action })
    });
    if (message.blocks.length) {
      node.appendChild(BlockKit.render(message.blocks, ctx));
    } else {
      const body = document.createElement('div');
      body.className = 'msg-text';
      body.innerHTML = BlockKit.mrkdwn(message.text, ctx);
      node.appendChild(body);
    }
    return node;
  }

  /* Slack shows a thread under its parent: each reply follows it here, oldest first. */
  function threaded(messages) {
    const replies = new Map();
    messages.filter((m) => m.threadTs && messages.some((p) => p.ts === m.threadTs)).forEach((m) => {
      replies.set(m.threadTs, (replies.get(m.threadTs) || []).concat([m]));
    });
    const placed = new Set(Array.from(replies.values()).flat());
    return messages.filter((m) => !placed.has(m)).flatMap((m) => [m].concat(replies.get(m.ts) || []));
  }

  function drawMessages() {
    const list = $('messages');
    const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
    const messages = threaded(page.pane === 'dm' ? page.snapshot.dmMessages : page.snapshot.messages);
    // Unchanged messages keep their nodes: no flicker, and an open menu stays open.
    const kept = new Map(Array.from(list.querySelectorAll('article.msg')).map((n) => [n.dataset.key, n]));
    list.replaceChildren(...messages.map((message) => {
      const key = page.user + JSON.stringify(message);
      const node = kept.get(key) || messageNode(message);
      node.dataset.key = key;
      return node;
    }));
    if (!messages.length) {
      const empty = document.createElement('p');
      empty.className = 'muted empty';
      empty.textContent = page.pane === 'dm'
        ? 'No direct messages from Scopecut yet.'
        : 'Type /scopecut Demo: a; b; c below and press Enter to start a cut, or /scopecut alone for the form.';
      list.appendChild(empty);
    }
    if (atBottom) list.scrollTop = list.scrollHeight;
    highlightPermalink();
  }

  /* Why a person's direct messages may stay empty: Scopecut holds reminders at night. */
  function drawQuietNote() {
    const note = $('quiet-note');
    note.hidden = page.pane !== 'dm' || !quiet(me());
    if (note.hidden) return;
    const name = me().real_name;
    note.textContent = 'It is ' + localTime(me()) + ' for ' + name + ', inside Scopecut\'s quiet hours (20:00 to '
      + '08:00 their time): a reminder for ' + name + ' waits until 08:00 there, or goes at once when the cut\'s '
      + 'deadline comes before that. For a reminder held, the activity list shows ' + name + '\'s users.info and '
      + 'no message sent.';
  }

  function drawHome() {
    const home = $('home');
    const view = page.snapshot.home;
    if (!view) {
      const empty = document.createElement('p');
      empty.className = 'muted empty';
      empty.textContent = 'Scopecut has not published a Home tab for ' + me().real_name + '.';
      home.replaceChildren(empty);
      return;
    }
    home.replaceChildren(BlockKit.render(view.blocks, context({
      onAction: (action) => send('action', { user: page.user, viewId: view.id, action })
    })));
  }

  function drawModal() {
    const modal = page.snapshot.modal;
    const key = modal ? modal.view.id + '/' + modal.view.hash + '/' + JSON.stringify(modal.errors) : null;
    if (key === page.modalKey) return; // keeps what the person typed
    page.modalKey = key;
    $('modal-backdrop').hidden = !modal;
    if (!modal) { $('modal').replaceChildren(); return; }
    const view = modal.view;
    const form = $('modal');
    const title = document.createElement('h2');
    title.textContent = (view.title && view.title.text) || '';
    const parts = [title];
    if (modal.errors['']) {
      const general = document.createElement('div');
      general.className = 'bk-error';
      general.textContent = modal.errors[''];
      parts.push(general);
    }
    const body = BlockKit.render(view.blocks, context({
      errors: modal.errors,
      onAction: (action) => send('action', { user: page.user, viewId: view.id, action })
    }));
    // After errors, the values submitted: as on Slack, nothing typed is lost.
    BlockKit.restoreState(body, view.state.values);
    body.classList.add('modal-body');
    parts.push(body);
    const buttons = document.createElement('div');
    buttons.className = 'modal-buttons';
    const close = document.createElement('button');
    close.type = 'button';
    close.id = 'modal-close';
    close.textContent = (view.close && view.close.text) || 'Cancel';
    close.addEventListener('click', () => send('close', { user: page.user }));
    buttons.appendChild(close);
    if (view.submit) {
      const submit = document.createElement('button');
      submit.type = 'submit';
      submit.id = 'modal-submit';
      submit.className = 'bk-primary';
      submit.textContent = view.submit.text;
      buttons.appendChild(submit);
    }
    parts.push(buttons);
    form.replaceChildren(...parts);
    form.dataset.viewId = view.id;
    const refused = form.querySelector('.bk-has-error');
    if (refused) refused.scrollIntoView({ block: 'nearest' });
  }

  function draw() {
    const snapshot = page.snapshot;
    const select = $('user');
    if (select.options.length === 0) {
      snapshot.users.filter((u) => !u.is_bot).forEach((u) => {
        const option = document.createElement('option');
        option.value = u.id;
        select.appendChild(option);
      });
    }
    Array.from(select.options).forEach((option) => {
      const u = snapshot.users.find((user) => user.id === option.value);
      // Short enough for the sidebar: the chosen person's time zone is on the line below.
      const text = u.real_name + ' · ' + localTime(u) + (quiet(u) ? ' · quiet hours' : '');
      if (option.textContent !== text) option.textContent = text;
    });
    select.value = snapshot.me;
    $('local-time').textContent = 'Local time ' + localTime(me(), true) + ' (' + me().tz + ')'
      + (quiet(me()) ? ' · quiet hours: Scopecut sends no reminder until 08:00' : '');
    // As Slack's badge: the bot's messages, not the private replies to a click, that
    // arrived since the person last had their direct messages open.
    const dms = snapshot.dmMessages.filter((message) => !message.ephemeral);
    const newest = dms.reduce((latest, message) => Math.max(latest, Number(message.ts)), 0);
    if (page.pane === 'dm') page.dmSeen[snapshot.me] = newest;
    const seen = page.dmSeen[snapshot.me] || 0;
    const unread = dms.filter((message) => Number(message.ts) > seen).length;
    $('dm-count').textContent = unread ? String(unread) : '';
    $('dm-count').hidden = !unread;
    document.querySelectorAll('.nav').forEach((n) => n.classList.toggle('active', n.dataset.pane === page.pane));
    $('pane-title').textContent = page.pane === 'channel' ? '# ' + snapshot.channel.name
      : page.pane === 'dm' ? 'Scopecut — direct messages with ' + me().real_name : 'Scopecut — Home';
    $('messages').hidden = page.pane === 'home';
    $('composer-form').hidden = page.pane === 'home';
    $('home').hidden = page.pane !== 'home';
    if (page.pane === 'home') drawHome(); else drawMessages();
    drawQuietNote();
    drawModal();
    $('app').dataset.shownUser = snapshot.me;
    $('activity').replaceChildren(...snapshot.activity.map((line) => {
      const item = document.createElement('li');
      item.textContent = line;
      return item;
    }));
  }

  function highlightPermalink() {
    const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    document.querySelectorAll('article.msg.linked').forEach((n) => { if (n !== target) n.classList.remove('linked'); });
    if (!target) return;
    target.classList.add('linked');
    if (page.scrollToLink) {
      page.scrollToLink = false;
      target.scrollIntoView({ block: 'center' });
    }
  }

  /* A permalink (chat.getPermalink answers /sandbox#CHANNEL-TS) opens the channel at the message. */
  function followPermalink() {
    if (!location.hash) return;
    page.pane = 'channel';
    page.scrollToLink = true;
    if (page.snapshot) draw();
  }

  function isPermalink(href) {
    const url = new URL(href, location.href);
    // By port, not host: Scopecut names localhost, the browser may have come by another name.
    return url.port === location.port && url.pathname === '/sandbox' && url.hash.length > 1;
  }

  $('user').addEventListener('change', (event) => {
    page.user = event.target.value;
    localStorage.setItem('scopecut.sandbox.user', page.user);
    page.modalKey = undefined;
    refresh().then(() => { if (page.pane === 'home') send('home', { user: page.user }); });
  });
  document.querySelectorAll('.nav').forEach((button) => button.addEventListener('click', () => {
    page.pane = button.dataset.pane;
    draw();
    if (page.pane === 'home') send('home', { user: page.user });
  }));
  $('composer-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const text = $('composer').value.trim();
    // The Home tab has no message box in Slack: nothing typed is sent from there.
    if (!text || page.pane === 'home') return;
    $('composer').value = '';
    const conversation = page.pane === 'dm' ? page.snapshot.dm : page.snapshot.channel.id;
    send('message', { user: page.user, conversation, text });
  });
  $('modal').addEventListener('submit', (event) => {
    event.preventDefault();
    const form = $('modal');
    send('submit', { user: page.user, viewId: form.dataset.viewId, values: BlockKit.collectState(form) });
  });
  $('reset').addEventListener('click', () => send('reset'));
  $('skip-day').addEventListener('click', () => send('skip-day', { user: page.user }));
  document.addEventListener('click', (event) => {
    const link = event.target.closest('a[href]');
    if (!link || !isPermalink(link.href)) return;
    event.preventDefault();
    const hash = new URL(link.href).hash;
    if (location.hash === hash) followPermalink(); else location.hash = hash;
  });
  window.addEventListener('hashchange', followPermalink);
  /* Local times and quiet hours move on even when nothing else changes. */
  setInterval(refresh, 30000);

  const events = new EventSource('/sandbox/ui/events');
  events.addEventListener('change', refresh);
  events.onerror = () => toast('Lost the connection to the sandbox; retrying…');
  followPermalink();
  refresh();
})();
