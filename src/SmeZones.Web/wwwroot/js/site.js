// Progressive enhancement on every page; everything works without this file.
(function () {
    "use strict";

    // A page shown again with its errors: move focus to the summary, so keyboard and screen-reader users start there.
    // Again once loaded: a URL fragment (e.g. #main after the skip link) would otherwise take focus after this script.
    const errorSummary = document.getElementById("error-summary");
    if (errorSummary) {
        errorSummary.focus();
        window.addEventListener("load", function () { setTimeout(function () { errorSummary.focus(); }, 0); });
    }

    // The menu is a <details>: folded on phones, open on wider screens (CSS does this too where ::details-content exists).
    const menu = document.getElementById("site-menu");
    if (menu && window.matchMedia) {
        const wide = window.matchMedia("(min-width: 768px)");
        const sync = function () { menu.open = wide.matches; };
        sync();
        wide.addEventListener("change", sync);
    }

    function setBusy(control, text) {
        control.classList.add("is-busy");
        control.setAttribute("aria-busy", "true");
        control.setAttribute("aria-disabled", "true");
        // Only the leading text changes: a hidden part (e.g. "到 某材料") stays for screen readers.
        const label = leadingText(control);
        if (label) {
            control.dataset.idleText = label.textContent;
            label.textContent = text;
        }
    }

    function clearBusy(control) {
        control.classList.remove("is-busy");
        control.removeAttribute("aria-busy");
        control.removeAttribute("aria-disabled");
        const label = leadingText(control);
        if (label && control.dataset.idleText !== undefined) { label.textContent = control.dataset.idleText; }
    }

    function leadingText(control) {
        return control.firstChild && control.firstChild.nodeType === Node.TEXT_NODE ? control.firstChild : null;
    }

    const status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    document.body.appendChild(status);

    // Downloads that are generated on request (PDF, .xlsx) take a second or two: fetch them here so the link can
    // show that it is working and announce when the file is ready; on any failure the browser follows the link.
    const downloads = "a[href$='/Pdf'], a[href*='handler=Xlsx'], a[href*='handler=Pdf'], a[data-busy]";
    document.addEventListener("click", function (event) {
        const link = event.target.closest ? event.target.closest(downloads) : null;
        if (!link || !window.fetch || !window.URL || event.ctrlKey || event.metaKey || event.shiftKey) { return; }
        event.preventDefault();
        if (link.classList.contains("is-busy")) { return; }
        setBusy(link, "正在生成，请稍候…");
        status.textContent = "正在生成文件，请稍候。";
        fetch(link.href, { credentials: "same-origin" }).then(function (response) {
            const disposition = response.headers.get("Content-Disposition") || "";
            if (!response.ok || disposition.indexOf("attachment") < 0) { throw new Error(String(response.status)); }
            return response.blob().then(function (blob) {
                const save = document.createElement("a");
                save.href = URL.createObjectURL(blob);
                save.download = fileName(disposition);
                document.body.appendChild(save);
                save.click();
                save.remove();
                setTimeout(function () { URL.revokeObjectURL(save.href); }, 10000);
                status.textContent = "文件已生成，开始下载。";
                clearBusy(link);
            });
        }).catch(function () {
            clearBusy(link);
            window.location.href = link.href;
        });
    });

    function fileName(disposition) {
        const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
        if (utf8) { return decodeURIComponent(utf8[1]); }
        const plain = /filename="?([^";]+)"?/i.exec(disposition);
        return plain ? plain[1] : "download";
    }

    // Uploads post the whole file before the next page comes: say so on the button and keep it from being sent twice.
    document.addEventListener("submit", function (event) {
        const form = event.target;
        if (event.defaultPrevented || form.enctype !== "multipart/form-data") { return; }
        const button = event.submitter || form.querySelector("button[type=submit]");
        if (!button) { return; }
        if (button.classList.contains("is-busy")) { event.preventDefault(); return; }
        setBusy(button, "正在上传…");
        status.textContent = "正在上传，请稍候。";
    });

    // Coming back with the browser's Back button shows the page as it was left: not busy.
    window.addEventListener("pageshow", function (event) {
        if (!event.persisted) { return; }
        document.querySelectorAll(".is-busy").forEach(function (control) {
            clearBusy(control);
        });
    });
})();
