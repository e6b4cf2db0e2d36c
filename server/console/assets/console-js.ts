// The console's one script, served as /console.js (CSP script-src 'self': no inline scripts). Pages
// work without it; it only asks before a decision is sent.

export const CONSOLE_JS = `
document.addEventListener('submit', function (event) {
  var form = event.target;
  var question = form && form.getAttribute && form.getAttribute('data-confirm');
  if (question && !window.confirm(question)) event.preventDefault();
});
`;
