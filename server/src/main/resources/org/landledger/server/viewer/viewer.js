// LandLedger map viewer: layer list with legends, toggles and opacity; click → WMS GetFeatureInfo (JSON).
// Leaflet 1.9.4 is vendored (viewer/vendor/leaflet); nothing is loaded from the internet.
(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var token = params.get('token');
  var lang = params.get('lang') === 'en' ? 'en' : 'zh';
  var ows = 'ows' + (token ? '?token=' + encodeURIComponent(token) : '');
  var map = L.map('map', { crs: L.CRS.EPSG3857, zoomControl: true, attributionControl: false });
  var wmsLayers = {};
  var layerInfo = [];
  var summaries = {};

  function t(zh, en) { return lang === 'zh' ? zh : en; }

  function applyLang() {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.getElementById('lang').textContent = lang === 'zh' ? 'English' : '中文';
    document.querySelectorAll('[data-zh]').forEach(function (el) { el.textContent = el.getAttribute('data-' + lang); });
    renderList();
  }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  // An analysis run's summary JSON as a small table: top-level values, nested objects one level down.
  function summaryTable(obj) {
    var table = el('table', { 'class': 'summary' });
    function row(k, v) {
      var tr = el('tr');
      tr.appendChild(el('th', {}, k));
      var text = typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
      tr.appendChild(el('td', {}, text.length > 200 ? text.substring(0, 197) + '…' : text));
      table.appendChild(tr);
    }
    Object.keys(obj).forEach(function (k) {
      var v = obj[k];
      if (v && typeof v === 'object' && !Array.isArray(v)) {
        Object.keys(v).forEach(function (k2) { row(k + '.' + k2, v[k2]); });
      } else {
        row(k, v);
      }
    });
    return table;
  }

  function renderSummaries(box, group, shown) {
    if (shown[group] || !summaries[group]) { return; }
    shown[group] = true;
    Object.keys(summaries[group]).forEach(function (file) {
      var d = el('details', { 'class': 'summary' });
      d.appendChild(el('summary', {}, t('结果汇总 ', 'Summary ') + (group ? group + '/' : '') + file));
      d.appendChild(summaryTable(summaries[group][file]));
      box.appendChild(d);
    });
  }

  function renderList() {
    var box = document.getElementById('layers');
    box.innerHTML = '';
    var shown = {};
    renderSummaries(box, '', shown);
    layerInfo.forEach(function (l) {
      if (l.group && !shown['group:' + l.group]) {
        shown['group:' + l.group] = true;
        box.appendChild(el('div', { 'class': 'group' }, t('图层组 ', 'group ') + l.group));
        renderSummaries(box, l.group, shown);
      }
      var div = el('div', { 'class': 'layer', 'data-layer': l.name });
      var cb = el('input', { type: 'checkbox', id: 'cb-' + l.name });
      cb.checked = map.hasLayer(wmsLayers[l.name]);
      cb.addEventListener('change', function () {
        if (cb.checked) { wmsLayers[l.name].addTo(map); } else { map.removeLayer(wmsLayers[l.name]); }
      });
      div.appendChild(cb);
      div.appendChild(el('label', { 'for': 'cb-' + l.name }, ' ' + l.name));
      div.appendChild(el('span', {}, ' (' + l.features + t(' 个要素', ' features') + ')'));
      var op = el('div');
      op.appendChild(el('span', {}, t('透明度 ', 'Opacity ')));
      var range = el('input', { type: 'range', min: '0', max: '100', value: String(Math.round(wmsLayers[l.name].options.opacity * 100)) });
      range.addEventListener('input', function () { wmsLayers[l.name].setOpacity(range.value / 100); });
      op.appendChild(range);
      div.appendChild(op);
      var legend = el('div', { 'class': 'legend' });
      legend.appendChild(el('div', {}, l.styleTitle[lang]));
      l.legend.forEach(function (r) {
        var row = el('div');
        var sw = el('span', { 'class': 'swatch' + (r.hatch !== 'none' ? ' hatch-' + r.hatch : '') });
        sw.style.backgroundColor = r.fill === 'none' ? 'transparent' : r.fill;
        sw.style.borderColor = r.stroke === 'none' ? 'transparent' : r.stroke;
        sw.style.color = r.stroke === 'none' ? 'transparent' : r.stroke;
        row.appendChild(sw);
        row.appendChild(el('span', {}, r[lang]));
        legend.appendChild(row);
      });
      div.appendChild(legend);
      box.appendChild(div);
    });
  }

  function showInfo(json) {
    var body = document.getElementById('info-body');
    body.removeAttribute('data-zh');
    body.removeAttribute('data-en');
    body.innerHTML = '';
    if (!json.features || json.features.length === 0) {
      body.textContent = t('此处无要素。', 'No features here.');
      return;
    }
    json.features.forEach(function (f) {
      var table = el('table', { 'class': 'feature-info' });
      table.appendChild(el('caption', {}, f.layer + ' #' + f.id.substring(f.layer.length + 1)));
      Object.keys(f.properties).forEach(function (k) {
        var tr = el('tr');
        tr.appendChild(el('th', {}, k));
        var v = f.properties[k];
        tr.appendChild(el('td', {}, v === null ? '' : String(v)));
        table.appendChild(tr);
      });
      body.appendChild(table);
    });
  }

  map.on('click', function (e) {
    var visible = layerInfo.filter(function (l) { return map.hasLayer(wmsLayers[l.name]); }).map(function (l) { return l.name; });
    if (visible.length === 0) { return; }
    var b = map.getBounds();
    var sw = L.CRS.EPSG3857.project(b.getSouthWest());
    var ne = L.CRS.EPSG3857.project(b.getNorthEast());
    var size = map.getSize();
    var p = map.latLngToContainerPoint(e.latlng);
    var q = new URLSearchParams({
      SERVICE: 'WMS', VERSION: '1.3.0', REQUEST: 'GetFeatureInfo', LAYERS: visible.join(','), QUERY_LAYERS: visible.join(','),
      STYLES: '', CRS: 'EPSG:3857', BBOX: [sw.x, sw.y, ne.x, ne.y].join(','), WIDTH: size.x, HEIGHT: size.y,
      I: Math.round(p.x), J: Math.round(p.y), INFO_FORMAT: 'application/json', FEATURE_COUNT: 5
    });
    if (token) { q.set('token', token); }
    fetch('ows?' + q.toString()).then(function (r) { return r.json(); }).then(showInfo).catch(function (err) {
      document.getElementById('info-body').textContent = t('查询失败：', 'Query failed: ') + err;
    });
  });

  document.getElementById('lang').addEventListener('click', function () {
    lang = lang === 'zh' ? 'en' : 'zh';
    applyLang();
  });

  fetch('viewer/layers.json' + (token ? '?token=' + encodeURIComponent(token) : '')).then(function (r) { return r.json(); }).then(function (data) {
    layerInfo = data.layers;
    summaries = data.summaries || {};
    if (data.tianditu) {
      // 天地图 vector basemap + labels (Web Mercator "w" matrix set); only when a key is configured.
      ['vec', 'cva'].forEach(function (kind) {
        L.tileLayer('https://t{s}.tianditu.gov.cn/' + kind + '_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=' + kind
          + '&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=' + encodeURIComponent(data.tianditu),
          { subdomains: '01234567', maxZoom: 18 }).addTo(map);
      });
    }
    var bounds = null;
    layerInfo.forEach(function (l) {
      wmsLayers[l.name] = L.tileLayer.wms(ows, {
        layers: l.name, styles: '', format: 'image/png', transparent: true, version: '1.3.0', opacity: 0.85, tileSize: 256
      }).addTo(map);
      if (l.bbox) {
        var lb = L.latLngBounds([l.bbox[1], l.bbox[0]], [l.bbox[3], l.bbox[2]]);
        bounds = bounds ? bounds.extend(lb) : lb;
      }
    });
    if (bounds) { map.fitBounds(bounds); } else { map.setView([35, 105], 4); }
    applyLang();
    document.body.setAttribute('data-ready', 'true');
  });
})();
