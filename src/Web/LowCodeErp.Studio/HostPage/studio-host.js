// Mounts the Studio custom element that matches the address. Navigation between elements loads the page again:
// swapping elements in place leaves the old element's MudBlazor popover provider subscribed while the new one
// registers ("There is already a subscriber ... 'mud-overlay-to-popover-provider'"), and the assets come from the
// browser cache, so a reload costs only Blazor's start. Addresses, relative to <base href=".../studio/">:
//   "" or "definitions"      -> elsa-workflow-definition-list
//   "definitions/{id}"       -> elsa-workflow-definition-editor
//   "instances"              -> elsa-workflow-instance-list
//   "instances/{id}"         -> elsa-workflow-instance-viewer
(() => {
  'use strict';
  const config = JSON.parse(document.getElementById('studio-config').textContent);
  const base = new URL(document.baseURI);
  const mount = document.getElementById('studio-mount');
  document.getElementById('studio-user').textContent = config.userName || '';

  function route() {
    const rest = location.pathname.startsWith(base.pathname) ? location.pathname.slice(base.pathname.length) : '';
    const [section, id] = rest.split('/').filter(s => s.length > 0).map(decodeURIComponent);
    if (section === 'definitions' && id) return { tag: 'elsa-workflow-definition-editor', attributes: { 'definition-id': id }, section };
    if (section === 'instances' && id) return { tag: 'elsa-workflow-instance-viewer', attributes: { 'instance-id': id }, section };
    if (section === 'instances') return { tag: 'elsa-workflow-instance-list', attributes: {}, section };
    return { tag: 'elsa-workflow-definition-list', attributes: {}, section: 'definitions' };
  }

  function navigate(relative) {
    location.assign(new URL(relative, base));
  }

  // Blazor's custom-element constructor redefines every parameter as a property, wiping anything assigned before the
  // element is upgraded: callbacks are set only after whenDefined.
  function wireCallbacks(element) {
    element.editWorkflowDefinition = id => navigate('definitions/' + encodeURIComponent(id));
    element.viewWorkflowInstance = id => navigate('instances/' + encodeURIComponent(id));
  }

  // Studio 3.8.2's editor element declares its "executed" callback as a .NET Func, which Blazor custom elements cannot
  // bind to a JavaScript function (only EventCallback parameters can). The host therefore watches the editor's own run
  // request and opens the instance viewer for the instance id the server returns in x-elsa-workflow-instance-id.
  function openViewerAfterRun() {
    const execute = /\/workflow-definitions\/[^/]+\/execute$/;
    const fetch = window.fetch.bind(window);
    window.fetch = async (input, init) => {
      const response = await fetch(input, init);
      const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url, location.href);
      const instanceId = response.headers.get('x-elsa-workflow-instance-id');
      if (response.ok && instanceId && execute.test(url.pathname)) navigate('instances/' + encodeURIComponent(instanceId));
      return response;
    };
  }

  function render() {
    const { tag, attributes, section } = route();
    const element = document.createElement(tag);
    element.setAttribute('remote-endpoint', new URL(config.apiPath, location.origin).href.replace(/\/$/, ''));
    if (config.accessToken) element.setAttribute('access-token', config.accessToken);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    mount.replaceChildren(element);
    if (tag === 'elsa-workflow-definition-editor') openViewerAfterRun();
    customElements.whenDefined(tag).then(() => { if (element.isConnected) wireCallbacks(element); });
    document.querySelectorAll('[data-studio-link]').forEach(a => a.classList.toggle('active', a.dataset.studioLink === section));
    document.body.dataset.studioElement = tag;
  }

  render();
})();
