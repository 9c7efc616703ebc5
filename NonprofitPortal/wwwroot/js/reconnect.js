// The reconnect banner's buttons (no inline handlers, so a strict Content-Security-Policy allows them).
document.addEventListener("click", event => {
    const action = event.target instanceof Element ? event.target.getAttribute("data-reconnect") : null;
    if (action === "retry") {
        Blazor.reconnect().then(reconnected => { if (!reconnected) location.reload(); });
    } else if (action === "reload") {
        location.reload();
    }
});
