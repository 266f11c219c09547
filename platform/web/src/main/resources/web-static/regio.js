/*
 * The platform's small progressive scripts. Every form works without them: the server checks everything again.
 * - A BSN field (input[data-bsn]) says as it is typed whether the number passes the elfproef.
 * - A form with data-concept keeps what is typed in this tab's sessionStorage, so that a session that expires
 *   mid-form loses nothing: after the new login the page shows the form again with the values restored. A page that
 *   confirms the form was processed (body[data-concept-klaar]) forgets the draft.
 */
(function () {
  'use strict';
  var PREFIX = 'regio-concept:';

  function elfproef(digits) {
    if (!/^\d{9}$/.test(digits) || digits === '000000000') {
      return false;
    }
    var sum = 0;
    for (var i = 0; i < 8; i++) {
      sum += (9 - i) * Number(digits.charAt(i));
    }
    return (sum - Number(digits.charAt(8))) % 11 === 0;
  }

  function bsnField(input) {
    var out = document.getElementById(input.id + '-controle');
    if (!out) {
      return;
    }
    var serverInvalid = input.getAttribute('aria-invalid') === 'true';
    function say(text, ok) {
      out.textContent = text;
      out.className = 'check' + (ok === true ? ' ok' : ok === false ? ' error' : '');
      if (ok === false || (ok === null && serverInvalid)) {
        input.setAttribute('aria-invalid', 'true');
      } else {
        input.removeAttribute('aria-invalid');
      }
    }
    function check() {
      var value = input.value.replace(/\s/g, '');
      if (value === '') {
        say('', null);
      } else if (!/^\d+$/.test(value)) {
        say('Een BSN bestaat alleen uit cijfers', false);
      } else if (value.length < 9) {
        say('Nog ' + (9 - value.length) + (9 - value.length === 1 ? ' cijfer' : ' cijfers'), null);
      } else if (value.length > 9) {
        say('Een BSN heeft 9 cijfers', false);
      } else if (elfproef(value)) {
        serverInvalid = false;
        say('Dit BSN klopt (elfproef)', true);
      } else {
        say('Dit BSN klopt niet (elfproef): controleer het op een tikfout', false);
      }
    }
    input.addEventListener('input', check);
    // a value the server refused already shows the server's message: say nothing twice until it is edited
    if (input.value && !serverInvalid) {
      check();
    }
  }

  function fields(form) {
    return Array.prototype.filter.call(form.elements, function (e) {
      return e.name && e.name !== 'csrf' && e.type !== 'submit' && e.type !== 'button' && e.type !== 'file';
    });
  }

  function draftForm(form) {
    var key = PREFIX + form.getAttribute('data-concept');
    function save() {
      var values = {};
      fields(form).forEach(function (e) {
        if (e.type === 'checkbox' || e.type === 'radio') {
          if (e.checked) {
            values[e.name] = e.value;
          } else if (!(e.name in values)) {
            values[e.name] = null;
          }
        } else {
          values[e.name] = e.value;
        }
      });
      try {
        sessionStorage.setItem(key, JSON.stringify(values));
      } catch (ignored) {
        // storage full or disabled: the form still works, only without a draft
      }
    }
    form.addEventListener('input', save);
    form.addEventListener('change', save);
    // a form re-shown by the server (a refusal) already holds what was typed; only a fresh form takes the draft
    if (form.getAttribute('data-concept-herstel') !== 'ja') {
      return;
    }
    var stored = null;
    try {
      stored = JSON.parse(sessionStorage.getItem(key) || 'null');
    } catch (ignored) {
      stored = null;
    }
    if (!stored) {
      return;
    }
    var restored = false;
    fields(form).forEach(function (e) {
      if (!(e.name in stored)) {
        return;
      }
      var v = stored[e.name];
      if (e.type === 'checkbox' || e.type === 'radio') {
        if (e.checked !== (v === e.value)) {
          e.checked = v === e.value;
          restored = true;
        }
      } else if (v !== null && e.value !== v) {
        e.value = v;
        restored = restored || e.type !== 'hidden';
      }
    });
    var note = form.querySelector('[data-concept-melding]');
    if (restored && note) {
      note.hidden = false;
    }
  }

  function forgetDone() {
    var done = document.body.getAttribute('data-concept-klaar');
    if (done) {
      try {
        sessionStorage.removeItem(PREFIX + done);
      } catch (ignored) {
        // nothing to forget
      }
    }
  }

  function start() {
    forgetDone();
    Array.prototype.forEach.call(document.querySelectorAll('form[data-concept]'), draftForm);
    Array.prototype.forEach.call(document.querySelectorAll('input[data-bsn]'), bsnField);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
