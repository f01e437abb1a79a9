/*
 * A Block Kit renderer for the sandbox: blocks in, DOM out, no dependencies.
 * render(blocks, ctx) draws messages, modals and Home views; collectState(root) reads a
 * modal's inputs as Slack's view.state.values, restoreState(root, values) puts them back.
 * Anything it does not know is drawn as a visible placeholder, never dropped.
 *
 * ctx: { users: {id: name}, channels: {id: name}, tz: 'Europe/London', errors: {block_id: text},
 *        onAction(action, blockId) } — onAction is called for clicks and choices.
 */
const BlockKit = (() => {
  const EMOJI = {
    white_check_mark: '\u2705', heavy_check_mark: '\u2714\ufe0f', ballot_box_with_check: '\u2611\ufe0f',
    x: '\u274c', warning: '\u26a0\ufe0f', no_entry: '\u26d4', hourglass: '\u231b',
    hourglass_flowing_sand: '\u23f3', tada: '\ud83c\udf89', lock: '\ud83d\udd12', bell: '\ud83d\udd14',
    memo: '\ud83d\udcdd', calendar: '\ud83d\udcc5', scissors: '\u2702\ufe0f', '+1': '\ud83d\udc4d',
    '-1': '\ud83d\udc4e', rocket: '\ud83d\ude80', stopwatch: '\u23f1\ufe0f', zzz: '\ud83d\udca4',
    speech_balloon: '\ud83d\udcac', inbox_tray: '\ud83d\udce5', clipboard: '\ud83d\udccb', ship: '\ud83d\udea2'
  };

  function escapeHtml(text) {
    return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;');
  }

  /* Slack escapes &, < and > in message text; read them back before drawing. */
  function unescapeSlack(text) {
    return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  }

  function emoji(html) {
    return html.replace(/:([a-z0-9_+\-]+):/g, (all, name) => EMOJI[name] || all);
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  /* ---- dates: <!date^seconds^format|fallback>, drawn in the reader's time zone ---- */
  function datePart(date, tz, options) {
    return new Intl.DateTimeFormat('en-US', Object.assign({ timeZone: tz }, options)).format(date);
  }

  function dayKey(date, tz) {
    return datePart(date, tz, { year: 'numeric', month: '2-digit', day: '2-digit' });
  }

  function pretty(date, tz, otherwise) {
    const now = Date.now();
    const key = dayKey(date, tz);
    if (key === dayKey(new Date(now), tz)) return 'Today';
    if (key === dayKey(new Date(now + 86400000), tz)) return 'Tomorrow';
    if (key === dayKey(new Date(now - 86400000), tz)) return 'Yesterday';
    return otherwise;
  }

  function formatDate(seconds, format, fallback, tz) {
    const date = new Date(seconds * 1000);
    if (isNaN(date.getTime())) return fallback;
    const long = { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' };
    const medium = { year: 'numeric', month: 'long', day: 'numeric' };
    const short = { year: 'numeric', month: 'short', day: 'numeric' };
    const tokens = {
      date_num: () => datePart(date, tz, { year: 'numeric', month: '2-digit', day: '2-digit' })
        .replace(/(\d+)\/(\d+)\/(\d+)/, '$3-$1-$2'),
      date: () => datePart(date, tz, medium),
      date_short: () => datePart(date, tz, short),
      date_long: () => datePart(date, tz, long),
      date_pretty: () => pretty(date, tz, datePart(date, tz, medium)),
      date_short_pretty: () => pretty(date, tz, datePart(date, tz, short)),
      date_long_pretty: () => pretty(date, tz, datePart(date, tz, long)),
      time: () => datePart(date, tz, { hour: 'numeric', minute: '2-digit' }),
      time_secs: () => datePart(date, tz, { hour: 'numeric', minute: '2-digit', second: '2-digit' })
    };
    let unknown = false;
    const text = format.replace(/\{(\w+)\}/g, (all, name) => {
      if (tokens[name]) return tokens[name]();
      unknown = true;
      return all;
    });
    return unknown ? fallback : text;
  }

  /* ---- mrkdwn ---- */
  function token(inner, ctx) {
    const [target, label] = splitLabel(inner);
    if (target.startsWith('@')) {
      const id = target.slice(1);
      return '<span class="bk-mention">@' + escapeHtml(label || (ctx.users && ctx.users[id]) || id) + '</span>';
    }
    if (target.startsWith('#')) {
      const id = target.slice(1);
      return '<span class="bk-mention">#' + escapeHtml(label || (ctx.channels && ctx.channels[id]) || id) + '</span>';
    }
    if (target.startsWith('!date^')) {
      const parts = target.split('^');
      const text = formatDate(Number(parts[1]), parts[2] || '', label || '', ctx.tz || 'UTC');
      return '<span class="bk-date">' + escapeHtml(text) + '</span>';
    }
    if (target.startsWith('!subteam^')) {
      return '<span class="bk-mention">' + escapeHtml(label || '@group') + '</span>';
    }
    if (target.startsWith('!')) {
      return '<span class="bk-mention">@' + escapeHtml(target.slice(1)) + '</span>';
    }
    if (/^(https?:|mailto:)/.test(target)) {
      return '<a href="' + escapeHtml(target) + '" target="_blank" rel="noopener">'
        + escapeHtml(label || target) + '</a>';
    }
    return escapeHtml('<' + inner + '>');
  }

  function splitLabel(inner) {
    const bar = inner.indexOf('|');
    return bar < 0 ? [unescapeSlack(inner), null] : [unescapeSlack(inner.slice(0, bar)), unescapeSlack(inner.slice(bar + 1))];
  }

  /* mrkdwn to HTML: tokens and code are set aside, the rest escaped, then formatted. */
  function mrkdwn(text, ctx) {
    ctx = ctx || {};
    const kept = [];
    const keep = (html) => '\u0001' + (kept.push(html) - 1) + '\u0002';
    let source = String(text || '');
    source = source.replace(/```([\s\S]*?)```/g, (all, code) => keep('<pre class="bk-pre">'
      + escapeHtml(unescapeSlack(code.replace(/^\n/, ''))) + '</pre>'));
    source = source.replace(/`([^`\n]+)`/g, (all, code) => keep('<code>' + escapeHtml(unescapeSlack(code)) + '</code>'));
    source = source.replace(/<([^<>\n]*)>/g, (all, inner) => keep(token(inner, ctx)));
    let html = emoji(escapeHtml(unescapeSlack(source)));
    html = html.replace(/(^|[^\w*])\*(?=\S)([^*\n]*?\S|\S)\*(?![\w*])/g, '$1<b>$2</b>');
    html = html.replace(/(^|[^\w_])_(?=\S)([^_\n]*?\S|\S)_(?![\w_])/g, '$1<i>$2</i>');
    html = html.replace(/(^|[^\w~])~(?=\S)([^~\n]*?\S|\S)~(?![\w~])/g, '$1<s>$2</s>');
    html = html.split('\n').map((line) => line.startsWith('&gt; ')
      ? '<span class="bk-quote">' + line.slice(5) + '</span>' : line).join('\n');
    html = html.replace(/\n/g, '<br>');
    return html.replace(/\u0001(\d+)\u0002/g, (all, index) => kept[Number(index)]);
  }

  /* A text object (plain_text or mrkdwn) as a node. */
  function text(object, ctx, className) {
    const node = el('span', className);
    if (!object) return node;
    if (typeof object === 'string') {
      node.textContent = object;
    } else if (object.type === 'mrkdwn') {
      node.innerHTML = mrkdwn(object.text, ctx);
    } else {
      node.innerHTML = object.emoji === false ? escapeHtml(object.text || '') : emoji(escapeHtml(object.text || ''));
    }
    return node;
  }

  function plain(object) {
    return object ? (typeof object === 'string' ? object : object.text || '') : '';
  }

  function unknown(kind, type) {
    const node = el('div', 'bk-unknown');
    node.textContent = 'Unsupported ' + kind + ' "' + type + '": the sandbox cannot show it (Slack may)';
    node.dataset.unknown = type;
    return node;
  }

  /* Where Block Kit takes a text object only (a section's fields, a context's elements). */
  function textOrUnknown(object, ctx, className) {
    return object && (object.type === 'plain_text' || object.type === 'mrkdwn')
      ? text(object, ctx, className) : unknown('element', object && object.type);
  }

  /* ---- interactive elements ---- */
  function dispatch(ctx, element, blockId, extra) {
    if (!ctx.onAction) return;
    const action = Object.assign({ type: element.type, action_id: element.action_id, block_id: blockId }, extra);
    ctx.onAction(action, blockId);
  }

  function optionText(option) {
    return { type: 'plain_text', text: plain(option.text) };
  }

  function chosen(option) {
    return { text: optionText(option), value: option.value };
  }

  function allOptions(element) {
    const list = (element.options || []).slice();
    (element.option_groups || []).forEach((group) => (group.options || []).forEach((o) => list.push(o)));
    return list;
  }

  function button(element, ctx, blockId) {
    const node = el('button', 'bk-button');
    node.type = 'button';
    if (element.style === 'primary') node.classList.add('bk-primary');
    if (element.style === 'danger') node.classList.add('bk-danger');
    node.appendChild(text(element.text, ctx));
    node.addEventListener('click', () => {
      if (element.url) window.open(element.url, '_blank', 'noopener');
      const go = () => dispatch(ctx, element, blockId, {
        text: element.text, value: element.value, style: element.style
      });
      if (element.confirm) confirmFirst(element.confirm, ctx, go); else go();
    });
    return node;
  }

  /* A confirmation dialog, drawn as Slack draws one, before the action is sent. */
  function confirmFirst(confirm, ctx, go) {
    const backdrop = el('div', 'bk-confirm-backdrop');
    const dialog = el('div', 'bk-confirm');
    dialog.appendChild(el('h3', null, plain(confirm.title) || 'Are you sure?'));
    dialog.appendChild(text(confirm.text, ctx, 'bk-confirm-text'));
    const buttons = el('div', 'bk-confirm-buttons');
    const deny = el('button', 'bk-button', plain(confirm.deny) || 'Cancel');
    deny.type = 'button';
    deny.id = 'bk-confirm-deny';
    const yes = el('button', 'bk-button ' + (confirm.style === 'danger' ? 'bk-danger' : 'bk-primary'),
      plain(confirm.confirm) || 'Yes');
    yes.type = 'button';
    yes.id = 'bk-confirm-yes';
    deny.addEventListener('click', () => backdrop.remove());
    yes.addEventListener('click', () => { backdrop.remove(); go(); });
    buttons.append(deny, yes);
    dialog.appendChild(buttons);
    backdrop.appendChild(dialog);
    document.body.appendChild(backdrop);
  }

  function overflow(element, ctx, blockId) {
    const wrap = el('span', 'bk-overflow');
    const toggle = el('button', 'bk-button bk-overflow-toggle', '\u22ee');
    toggle.type = 'button';
    toggle.title = 'More actions';
    const menu = el('div', 'bk-menu');
    menu.hidden = true;
    (element.options || []).forEach((option) => {
      const item = el('button', 'bk-menu-item');
      item.type = 'button';
      item.appendChild(text(option.text, ctx));
      item.addEventListener('click', () => {
        menu.hidden = true;
        dispatch(ctx, element, blockId, { selected_option: chosen(option) });
      });
      menu.appendChild(item);
    });
    toggle.addEventListener('click', () => { menu.hidden = !menu.hidden; });
    wrap.append(toggle, menu);
    return wrap;
  }

  function select(element, ctx, blockId, inInput) {
    const node = el('select', 'bk-select');
    const users = element.type === 'users_select' || element.type === 'multi_users_select';
    const multi = element.type.startsWith('multi_');
    node.multiple = multi;
    if (!multi) {
      const none = el('option', null, plain(element.placeholder) || 'Select an option');
      none.value = '';
      node.appendChild(none);
    }
    const options = users
      ? Object.keys(ctx.users || {}).filter((id) => !(ctx.bots || []).includes(id))
        .map((id) => ({ text: { type: 'plain_text', text: ctx.users[id] }, value: id }))
      : allOptions(element);
    const initial = users
      ? (element.initial_users || (element.initial_user ? [element.initial_user] : []))
      : (element.initial_options || (element.initial_option ? [element.initial_option] : [])).map((o) => o.value);
    options.forEach((option) => {
      const item = el('option', null, plain(option.text));
      item.value = option.value;
      item.selected = initial.includes(option.value);
      node.appendChild(item);
    });
    node._bkOptions = options;
    if (!inInput) {
      node.addEventListener('change', () => {
        const picked = options.find((o) => o.value === node.value);
        if (users) dispatch(ctx, element, blockId, { selected_user: node.value });
        else if (picked) dispatch(ctx, element, blockId, { selected_option: chosen(picked) });
      });
    }
    return node;
  }

  function choices(element, ctx, kind) {
    const wrap = el('div', 'bk-choices');
    const initial = (element.initial_options || (element.initial_option ? [element.initial_option] : []))
      .map((o) => o.value);
    const name = 'bk-' + Math.random().toString(36).slice(2);
    (element.options || []).forEach((option) => {
      const label = el('label', 'bk-choice');
      const input = el('input');
      input.type = kind;
      input.name = name;
      input.value = option.value;
      input.checked = initial.includes(option.value);
      input._bkOption = option;
      label.append(input, text(option.text, ctx));
      if (option.description) label.appendChild(text(option.description, ctx, 'bk-hint'));
      wrap.appendChild(label);
    });
    return wrap;
  }

  function localInput(seconds) {
    const date = new Date(seconds * 1000);
    const pad = (n) => String(n).padStart(2, '0');
    return date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate())
      + 'T' + pad(date.getHours()) + ':' + pad(date.getMinutes());
  }

  /* An element inside an input block: a form control whose value is read on submit. */
  function control(element, ctx, blockId) {
    let node;
    switch (element.type) {
      case 'plain_text_input':
        node = el(element.multiline ? 'textarea' : 'input', 'bk-text-input');
        if (!element.multiline) node.type = 'text';
        if (element.max_length) node.maxLength = element.max_length;
        node.placeholder = plain(element.placeholder);
        node.value = element.initial_value || '';
        break;
      case 'number_input':
        node = el('input', 'bk-text-input');
        node.type = 'number';
        node.step = element.is_decimal_allowed ? 'any' : '1';
        if (element.min_value !== undefined) node.min = element.min_value;
        if (element.max_value !== undefined) node.max = element.max_value;
        node.placeholder = plain(element.placeholder);
        node.value = element.initial_value || '';
        break;
      case 'datetimepicker':
        node = el('input', 'bk-text-input');
        node.type = 'datetime-local';
        if (element.initial_date_time) node.value = localInput(element.initial_date_time);
        break;
      case 'datepicker':
        node = el('input', 'bk-text-input');
        node.type = 'date';
        node.value = element.initial_date || '';
        break;
      case 'timepicker':
        node = el('input', 'bk-text-input');
        node.type = 'time';
        node.value = element.initial_time || '';
        break;
      case 'static_select':
      case 'multi_static_select':
      case 'users_select':
      case 'multi_users_select':
        node = select(element, ctx, blockId, true);
        break;
      case 'checkboxes':
        node = choices(element, ctx, 'checkbox');
        break;
      case 'radio_buttons':
        node = choices(element, ctx, 'radio');
        break;
      default:
        return unknown('element', element.type);
    }
    node.classList.add('bk-control');
    node.dataset.blockId = blockId;
    node.dataset.actionId = element.action_id || '';
    node.dataset.type = element.type;
    return node;
  }

  /* An element in a section's accessory or an actions block: acts at once. */
  function interactive(element, ctx, blockId) {
    switch (element.type) {
      case 'button': return button(element, ctx, blockId);
      case 'overflow': return overflow(element, ctx, blockId);
      case 'static_select':
      case 'users_select':
        return select(element, ctx, blockId, false);
      case 'image': return image(element);
      default: return unknown('element', element.type);
    }
  }

  function image(element) {
    // Images would be fetched from the internet; the sandbox shows their alt text.
    return el('span', 'bk-image', '[image: ' + (element.alt_text || '') + ']');
  }

  /* ---- blocks ---- */
  function block(b, ctx) {
    const blockId = b.block_id || '';
    let node;
    switch (b.type) {
      case 'header':
        node = el('div', 'bk-header');
        node.appendChild(text(b.text, ctx));
        break;
      case 'divider':
        node = el('hr', 'bk-divider');
        break;
      case 'section': {
        node = el('div', 'bk-section');
        const body = el('div', 'bk-section-body');
        if (b.text) body.appendChild(text(b.text, ctx, 'bk-text'));
        if (b.fields) {
          const fields = el('div', 'bk-fields');
          b.fields.forEach((field) => fields.appendChild(textOrUnknown(field, ctx, 'bk-field')));
          body.appendChild(fields);
        }
        node.appendChild(body);
        if (b.accessory) {
          const accessory = el('div', 'bk-accessory');
          accessory.appendChild(interactive(b.accessory, ctx, blockId));
          node.appendChild(accessory);
        }
        break;
      }
      case 'context':
        node = el('div', 'bk-context');
        (b.elements || []).forEach((element) => node.appendChild(element.type === 'image'
          ? image(element) : textOrUnknown(element, ctx)));
        break;
      case 'actions':
        node = el('div', 'bk-actions');
        (b.elements || []).forEach((element) => node.appendChild(interactive(element, ctx, blockId)));
        break;
      case 'input': {
        node = el('div', 'bk-input');
        const label = el('label', 'bk-label');
        label.appendChild(text(b.label, ctx));
        if (b.optional) label.appendChild(el('span', 'bk-optional', ' (optional)'));
        node.appendChild(label);
        node.appendChild(b.element ? control(b.element, ctx, blockId) : unknown('element', 'none'));
        if (b.hint) node.appendChild(text(b.hint, ctx, 'bk-hint'));
        const error = ctx.errors && ctx.errors[blockId];
        if (error) {
          node.classList.add('bk-has-error');
          node.appendChild(el('div', 'bk-error', error));
        }
        break;
      }
      case 'image':
        node = image(b);
        break;
      default:
        node = unknown('block', b.type);
    }
    if (blockId) node.dataset.blockId = blockId;
    return node;
  }

  function render(blocks, ctx) {
    const root = el('div', 'bk');
    (blocks || []).forEach((b) => root.appendChild(block(b, ctx || {})));
    return root;
  }

  /* ---- a modal's inputs as view.state.values ---- */
  function selectedOption(option) {
    return { text: { type: 'plain_text', text: plain(option.text) }, value: option.value };
  }

  function stateOf(node) {
    const type = node.dataset.type;
    const value = { type };
    switch (type) {
      case 'plain_text_input':
      case 'number_input':
        value.value = node.value === '' ? null : node.value;
        break;
      case 'datetimepicker':
        value.selected_date_time = node.value ? Math.floor(new Date(node.value).getTime() / 1000) : null;
        break;
      case 'datepicker':
        value.selected_date = node.value || null;
        break;
      case 'timepicker':
        value.selected_time = node.value || null;
        break;
      case 'static_select': {
        const picked = node._bkOptions.find((o) => o.value === node.value);
        value.selected_option = picked ? selectedOption(picked) : null;
        break;
      }
      case 'multi_static_select':
        value.selected_options = Array.from(node.selectedOptions)
          .map((item) => selectedOption(node._bkOptions.find((o) => o.value === item.value)));
        break;
      case 'users_select':
        value.selected_user = node.value || null;
        break;
      case 'multi_users_select':
        value.selected_users = Array.from(node.selectedOptions).map((item) => item.value);
        break;
      case 'checkboxes':
        value.selected_options = Array.from(node.querySelectorAll('input:checked'))
          .map((input) => selectedOption(input._bkOption));
        break;
      case 'radio_buttons': {
        const picked = node.querySelector('input:checked');
        value.selected_option = picked ? selectedOption(picked._bkOption) : null;
        break;
      }
      default:
        break;
    }
    return value;
  }

  function collectState(root) {
    const values = {};
    root.querySelectorAll('.bk-control').forEach((node) => {
      const blockId = node.dataset.blockId;
      values[blockId] = values[blockId] || {};
      values[blockId][node.dataset.actionId] = stateOf(node);
    });
    return values;
  }

  /* The option values, or user ids, a select's or choice's state holds. */
  function pickedValues(value) {
    if (value.selected_option) return [value.selected_option.value];
    if (value.selected_options) return value.selected_options.map((o) => o.value);
    if (value.selected_user) return [value.selected_user];
    return value.selected_users || [];
  }

  function restoreState(root, values) {
    root.querySelectorAll('.bk-control').forEach((node) => {
      const value = (values[node.dataset.blockId] || {})[node.dataset.actionId];
      if (!value) return;
      switch (node.dataset.type) {
        case 'plain_text_input':
        case 'number_input':
          node.value = value.value || '';
          break;
        case 'datetimepicker':
          node.value = value.selected_date_time ? localInput(value.selected_date_time) : '';
          break;
        case 'datepicker':
          node.value = value.selected_date || '';
          break;
        case 'timepicker':
          node.value = value.selected_time || '';
          break;
        default: {
          // Selects, checkboxes and radio buttons.
          const picked = pickedValues(value);
          node.querySelectorAll('option').forEach((item) => { item.selected = picked.includes(item.value); });
          node.querySelectorAll('input').forEach((item) => { item.checked = picked.includes(item.value); });
        }
      }
    });
  }

  return { render, mrkdwn, collectState, restoreState, formatDate };
})();
