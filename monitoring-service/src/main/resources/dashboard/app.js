'use strict';
// The monitoring dashboard: reads the JSON API with the session cookie of the platform's login, draws Chart.js charts.
// No token is handled here: the browser sends the HttpOnly cookie, which no script can read.
(function () {
  const euro = new Intl.NumberFormat('nl-NL', {style: 'currency', currency: 'EUR'});
  const euro0 = new Intl.NumberFormat('nl-NL', {style: 'currency', currency: 'EUR', maximumFractionDigits: 0});
  const count = new Intl.NumberFormat('nl-NL');
  const one = new Intl.NumberFormat('nl-NL', {minimumFractionDigits: 1, maximumFractionDigits: 1});
  const pct = v => v === null || v === undefined ? '–' : one.format(Number(v)) + ' %';
  const eur = cents => euro.format(cents / 100);
  const eur0 = cents => euro0.format(cents / 100);
  const REFERRERS = {'01': 'Gemeente', '02': 'Huisarts', '03': 'Jeugdarts', '04': 'Gecertificeerde instelling',
    '05': 'Medisch specialist', '06': 'Zelfverwijzer / geen', '08': 'Rechter / OM / JJI', 'UNKNOWN': 'Onbekend'};
  const SIGNALS = {UPCODING: 'Upcoding', CEILING: 'Productieplafond', BUDGET_OVERRUN: 'Budgetoverschrijding',
    OVERDUE_REQUEST: 'Verzoek te laat'};
  const COLORS = ['#1f4e8c', '#2f7dbd', '#5fa8d3', '#f79009', '#12805c', '#7a5af8', '#e04f5f', '#98a2b3'];

  const state = {me: null, charts: {}, data: {}};
  window.dashboard = state;

  const $ = id => document.getElementById(id);
  const esc = s => String(s ?? '').replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));

  async function api(path, accept) {
    const response = await fetch(path, {credentials: 'same-origin', headers: {'Accept': accept || 'application/json'}});
    // the session expired: reloading the page goes through the login and comes back here
    if (response.status === 401) { document.body.dataset.state = 'login'; location.reload(); throw new Error('401'); }
    if (!response.ok) {
      let detail = response.statusText;
      try { detail = (await response.json()).detail || detail; } catch (e) { /* not problem+json */ }
      throw new Error(detail);
    }
    return accept === 'text/csv' ? response.blob() : response.json();
  }

  function query() {
    const params = new URLSearchParams();
    for (const el of $('filters').elements) {
      if (el.name && el.value) { params.set(el.name, el.value); }
    }
    return params.toString();
  }

  function fill(select, values, label) {
    const keep = select.value;
    for (const v of values || []) {
      const o = document.createElement('option');
      o.value = typeof v === 'object' ? v.agbCode : v;
      o.textContent = label ? label(v) : o.value;
      select.appendChild(o);
    }
    select.value = keep;
  }

  async function start() {
    try {
      state.me = await api('/api/v1/dimensions');
    } catch (e) {
      $('error').textContent = e.message;
      $('error').hidden = false;
      $('app').hidden = false;
      document.body.dataset.state = 'error';
      return;
    }
    $('app').hidden = false;
    const me = state.me;
    const d = me.dimensions;
    fill($('f-municipality'), d.municipalities);
    fill($('f-segment'), d.segments);
    fill($('f-profile'), d.profiles);
    fill($('f-provider'), d.providers, p => p.name + ' (' + p.agbCode + ')');
    fill($('f-referrer'), d.referrerTypes, c => c + ' ' + (REFERRERS[c] || ''));
    if (me.municipality) {
      $('f-municipality').innerHTML = '<option value="' + esc(me.municipality) + '">' + esc(me.municipality) + '</option>';
      $('f-municipality').disabled = true;
    }
    const year = new Date(me.today).getFullYear();
    $('f-from').value = year + '-01-01';
    $('f-to').value = year + '-12-31';
    if (me.role === 'PROVIDER') {
      for (const card of document.querySelectorAll('.card')) { card.hidden = card.dataset.figure !== 'scorecards'; }
      document.querySelector('.kpis').hidden = true;
      document.querySelector('[data-figure="scorecards"] h2').textContent = 'Uw scorekaart';
      for (const id of ['f-municipality', 'f-segment', 'f-profile', 'f-provider', 'f-referrer']) { $(id).closest('label').hidden = true; }
    }
    await load();
  }

  async function load() {
    document.body.dataset.state = 'loading';
    $('error').hidden = true;
    const q = query();
    try {
      if (state.me.role === 'PROVIDER') {
        const one = await api('/api/v1/scorecards/' + state.me.agbCode + '?' + q).catch(() => null);
        const cards = one ? [one.scorecard] : [];
        state.data.scorecards = {items: cards};
        drawScorecards(cards, null);
      } else {
        const [pyramid, budgets, referrers, scorecards, market, signals] = await Promise.all([
          api('/api/v1/pyramid?' + q), api('/api/v1/budgets?' + q), api('/api/v1/referrers?' + q),
          api('/api/v1/scorecards?size=50&' + q), api('/api/v1/market?' + q), api('/api/v1/signals?' + q)]);
        Object.assign(state.data, {pyramid, budgets, referrers, scorecards, market, signals});
        drawKpis(pyramid, budgets, signals);
        drawPyramid(pyramid);
        drawBudgets(budgets);
        drawScorecards(scorecards.items, market);
        drawReferrers(referrers);
        drawSignals(signals);
      }
      document.body.dataset.state = 'ready';
    } catch (e) {
      if (e.message !== '401') { $('error').textContent = 'Kon de cijfers niet laden: ' + e.message; $('error').hidden = false; }
      document.body.dataset.state = 'error';
    }
  }

  function chart(id, config) {
    if (state.charts[id]) { state.charts[id].destroy(); }
    config.options = Object.assign({responsive: true, maintainAspectRatio: false, animation: false,
      plugins: {legend: {position: 'bottom', labels: {boxWidth: 12}}}}, config.options || {});
    state.charts[id] = new Chart($('chart-' + id), config);
  }

  function drawKpis(pyramid, budgets, signals) {
    $('kpi-clients').textContent = count.format(pyramid.distinctClients);
    $('kpi-clients-sub').textContent = pyramid.region ? 'regio: ' + count.format(pyramid.region.distinctClients) : 'unieke cliënten (pseudoniemen)';
    $('kpi-spend').textContent = eur0(pyramid.spendCents);
    $('kpi-spend-sub').textContent = pyramid.region ? 'regio: ' + eur0(pyramid.region.spendCents) : 'geaccepteerde declaraties';
    $('kpi-budget').textContent = eur0(budgets.amountCents);
    $('kpi-budget-sub').textContent = budgets.lines.length + ' budgetregel(s) ' + budgets.year;
    $('kpi-forecast').textContent = eur0(budgets.forecastCents);
    const over = budgets.forecastCents - budgets.amountCents;
    $('kpi-forecast-sub').textContent = (budgets.amountCents === 0 ? '' : over > 0 ? eur0(over) + ' boven budget' : eur0(-over) + ' onder budget') +
      ' · ± ' + eur0(budgets.forecastBandCents) + ' (' + budgets.method + ')';
    $('kpi-forecast-sub').className = 'kpi-sub' + (over > 0 ? ' bad' : '');
    $('kpi-signals').textContent = signals.signals.length;
    const critical = signals.signals.filter(s => s.severity === 'CRITICAL').length;
    $('kpi-signals-sub').textContent = critical ? critical + ' kritiek' : 'geen kritieke';
    $('kpi-signals-sub').className = 'kpi-sub' + (critical ? ' bad' : '');
  }

  function drawPyramid(p) {
    const labels = p.segments.map(s => s.segment);
    const datasets = [
      {label: 'Aandeel cliënten (%)', data: p.segments.map(s => Number(s.clientShare)), backgroundColor: COLORS[2], maxBarThickness: 28},
      {label: 'Aandeel uitgaven (%)', data: p.segments.map(s => Number(s.spendShare)), backgroundColor: COLORS[0], maxBarThickness: 28}];
    if (p.region) {
      // a municipality's own shares beside the region's
      const region = new Map(p.region.segments.map(s => [s.segment, s]));
      datasets.push({label: 'Regio: aandeel uitgaven (%)', backgroundColor: '#d0d5dd', maxBarThickness: 28,
        data: p.segments.map(s => region.has(s.segment) ? Number(region.get(s.segment).spendShare) : 0)});
    }
    chart('pyramid', {type: 'bar', data: {labels, datasets}, options: {indexAxis: 'y',
      scales: {x: {max: 100, ticks: {callback: v => v + ' %'}}}}});
    $('table-pyramid').innerHTML = '<tr><th>Segment</th><th class="num">Cliënten</th><th class="num">Aandeel</th>' +
      '<th class="num">Uitgaven</th><th class="num">Aandeel</th><th class="num">Per cliënt</th></tr>' +
      p.segments.map(s => '<tr><td>' + esc(s.segment) + '</td><td class="num">' + count.format(s.clients) + '</td><td class="num">' +
        pct(s.clientShare) + '</td><td class="num">' + eur(s.spendCents) + '</td><td class="num">' + pct(s.spendShare) +
        '</td><td class="num">' + eur(s.spendPerClientCents) + '</td></tr>').join('');
  }

  // the forecast's method in the dashboard's words; the API's assumption text stays in the tooltip
  const FORECAST_METHODS = {
    'history': 'historie: gerealiseerd + (rest van lopende toewijzingen + verwachte nieuwe toewijzingen) × ' +
      'realisatiegraad (gedeclareerd / verplicht van afgeronde toewijzingen); nieuwe toewijzingen: instroom van de ' +
      'laatste 3 maanden, met het seizoenspatroon van vorig jaar, tegen de kosten van recente nieuwe toewijzingen tot 31 december',
    'run-rate': 'run-rate: gerealiseerd + elke toewijzing die op de peildatum loopt, loopt door tot 31 december tegen ' +
      'haar dagbedrag; afgelopen zorg wordt niet verlengd'};

  function drawBudgets(b) {
    const labels = b.lines.map(l => l.municipality + ' · ' + l.budgetLine);
    chart('budgets', {type: 'bar', data: {labels, datasets: [
      {label: 'Gerealiseerd t/m ' + b.knownThrough, data: b.lines.map(l => l.realisedToDateCents / 100), backgroundColor: COLORS[0], stack: 'f'},
      {label: 'Prognose rest van het jaar', data: b.lines.map(l => (l.forecastCents - l.realisedToDateCents) / 100), backgroundColor: COLORS[3], stack: 'f'},
      {label: 'Budget', data: b.lines.map(l => l.amountCents / 100), backgroundColor: '#d0d5dd', stack: 'b'}]},
      options: {scales: {y: {ticks: {callback: v => euro0.format(v)}}},
        plugins: {legend: {position: 'bottom', labels: {boxWidth: 12}},
          tooltip: {callbacks: {label: c => c.dataset.label + ': ' + euro.format(c.raw)}}}}});
    $('budget-assumption').textContent = 'Methode ' + (FORECAST_METHODS[b.method] || b.method) + '. Band ± ' +
      pct(b.bandPercent) + ': de gemeten fout van deze methode op dit moment van het jaar (backtest). Peildatum ' + b.asOf + '.';
    $('budget-assumption').title = b.assumption;
    $('table-budgets').innerHTML = '<tr><th>Gemeente · regel</th><th class="num">Budget</th><th class="num">Gerealiseerd</th>' +
      '<th class="num">Verplicht</th><th class="num">Resterend</th><th class="num">Prognose</th></tr>' +
      b.lines.map(l => '<tr class="' + (l.forecastToOverrun ? 'over' : '') + '"><td>' + esc(l.municipality) + ' · ' + esc(l.budgetLine) +
        '</td><td class="num">' + eur(l.amountCents) + '</td><td class="num">' + eur(l.realisedCents) + '</td><td class="num">' +
        eur(l.committedCents) + '</td><td class="num">' + eur(l.remainingCents) + '</td><td class="num">' + eur(l.forecastCents) +
        '<br><span class="note">± ' + eur(l.forecastBandCents) + ' · ' + pct(l.forecastShare) + ' van budget</span></td></tr>').join('');
  }

  function drawScorecards(cards, market) {
    const top = cards.slice(0, 10);
    chart('providers', {type: 'bar', data: {labels: top.map(c => c.name), datasets: [
      {label: 'Uitgaven', data: top.map(c => c.spendCents / 100), backgroundColor: COLORS[1], maxBarThickness: 28}]},
      options: {indexAxis: 'y', scales: {x: {ticks: {callback: v => euro0.format(v)}}},
        plugins: {legend: {display: false}, tooltip: {callbacks: {label: c => euro.format(c.raw)}}}}});
    if (market) {
      $('market').innerHTML = '<div class="m"><span>Top 3 aandeel</span><b id="m-top3">' + pct(market.top3Share) + '</b></div>' +
        '<div class="m"><span>Top 10 aandeel</span><b id="m-top10">' + pct(market.top10Share) + '</b></div>' +
        '<div class="m"><span>HHI (0–10.000)</span><b id="m-hhi">' + count.format(market.hhi) + '</b></div>' +
        '<div class="m"><span>Aanbieders</span><b id="m-providers">' + count.format(market.providers) + '</b></div>' +
        '<div class="areas" id="m-areas">Per gebied: ' + (market.providersPerArea.map(a => esc(a.area) + ' ' + a.providers).join(' · ') || '–') + '</div>';
    }
    $('market').hidden = !market;
    document.querySelector('.split').style.gridTemplateColumns = market ? '' : '1fr';
    $('table-scorecards').innerHTML = '<tr><th>Aanbieder</th><th class="num">Cliënten</th><th class="num">Uitgaven</th>' +
      '<th class="num">Per cliënt</th><th class="num">Duur (dagen)</th><th class="num">Uitval</th><th class="num">Doel bereikt</th>' +
      '<th class="num">Tevredenheid</th><th class="num">Wachttijd (dagen)</th></tr>' +
      cards.map(c => '<tr><td>' + esc(c.name) + ' <span class="note">' + esc(c.agbCode) + '</span></td><td class="num">' +
        count.format(c.clients) + '</td><td class="num">' + eur(c.spendCents) + '</td><td class="num">' + eur(c.costPerClientCents) +
        '</td><td class="num">' + num(c.averageDurationDays) + '</td><td class="num">' + pct(c.dropoutRate) + '</td><td class="num">' +
        pct(c.goalRealisedRate) + '</td><td class="num">' + num(c.meanSatisfaction) + '</td><td class="num">' + num(c.meanWaitingDays) +
        '</td></tr>').join('');
  }

  function num(v) { return v === null || v === undefined ? '–' : one.format(Number(v)); }

  function drawReferrers(r) {
    const segments = [...new Set(r.rows.map(x => x.segment))];
    const types = [...new Set(r.rows.map(x => x.referrerType))].sort();
    const datasets = types.map((t, i) => ({label: REFERRERS[t] || t, backgroundColor: COLORS[i % COLORS.length],
      data: segments.map(s => { const row = r.rows.find(x => x.segment === s && x.referrerType === t); return row ? Number(row.spendShare) : 0; })}));
    chart('referrers', {type: 'bar', data: {labels: segments, datasets},
      options: {scales: {x: {stacked: true}, y: {stacked: true, max: 100, ticks: {callback: v => v + ' %'}}},
        plugins: {legend: {position: 'bottom', labels: {boxWidth: 12}}, title: {display: true, text: 'Aandeel uitgaven per verwijzer (%)'}}}});
  }

  function drawSignals(s) {
    $('signals').innerHTML = s.signals.length === 0 ? '<li class="empty">Geen signalen in deze selectie.</li>' :
      s.signals.map(x => '<li data-kind="' + esc(x.kind) + '"><span class="badge ' + esc(x.severity) + '">' +
        (x.severity === 'CRITICAL' ? 'Kritiek' : 'Let op') + '</span><span class="kind">' + esc(SIGNALS[x.kind] || x.kind) +
        '</span><span title="' + esc(x.detail) + '">' + esc(signalText(x)) + (x.provider ? ' · ' + esc(x.providerName ? x.providerName + ' (' + x.provider + ')' : providerName(x.provider)) : '') +
        (x.municipality ? ' · gemeente ' + esc(x.municipality) : '') + '</span></li>').join('');
  }

  function providerName(agb) {
    const p = state.me.dimensions.providers.find(p => p.agbCode === agb);
    return p ? p.name + ' (' + agb + ')' : 'aanbieder ' + agb;
  }

  function signalText(x) {
    switch (x.kind) {
      case 'UPCODING': return 'Gemiddelde intensiteit ' + one.format(Number(x.value)) + ' in ' + x.segment +
        ' ligt boven de drempel ' + one.format(Number(x.threshold)) + ' (regiogemiddelde + marge)';
      case 'CEILING': return 'Productie ' + pct(x.value) + ' van het jaarplafond' + (Number(x.value) > 100 ? '' : ', vóór 1 juli');
      case 'BUDGET_OVERRUN': return 'Prognose ' + pct(x.value) + ' van het budget ' + x.segment;
      case 'OVERDUE_REQUEST': return 'Verzoek om toewijzing ' + count.format(x.value) + ' dag(en) na de termijn onbeantwoord';
      default: return x.detail;
    }
  }

  async function downloadCsv(figure) {
    const path = figure === 'scorecards' && state.me.role === 'PROVIDER'
      ? '/api/v1/scorecards/' + state.me.agbCode : '/api/v1/' + figure;
    try {
      const blob = await api(path + '?format=csv&' + query(), 'text/csv');
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = figure + '.csv';
      document.body.appendChild(a);
      a.click();
      a.remove();
    } catch (e) {
      $('error').textContent = 'CSV downloaden mislukt: ' + e.message;
      $('error').hidden = false;
    }
  }

  $('filters').addEventListener('submit', e => { e.preventDefault(); load(); });
  for (const b of document.querySelectorAll('[data-csv]')) { b.addEventListener('click', () => downloadCsv(b.dataset.csv)); }
  start();
})();
