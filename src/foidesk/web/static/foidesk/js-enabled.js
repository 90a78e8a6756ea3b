// Loaded first in <body> (a file, not an inline script, so the Content-Security-Policy needs no
// 'unsafe-inline'): marks the page as having JavaScript before GOV.UK Frontend styles it.
document.body.className += " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
