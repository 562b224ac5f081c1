// Apply the saved theme and language before the first paint (no light flash in dark mode).
// A classic script file of its own, not inline: the content-security policy allows scripts
// from the app's origin only.
try {
  var s = JSON.parse(localStorage.getItem('convlab') || '{}').state || {};
  var dark = s.theme === 'dark' || (s.theme !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  var m = /^#\/(en|zh)\b/.exec(location.hash);
  if ((m ? m[1] : s.lang) === 'zh') document.documentElement.lang = 'zh-CN';
} catch (e) {}
