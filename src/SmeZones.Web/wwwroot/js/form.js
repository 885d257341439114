// Progressive enhancement of the section editor: autosave every 30 s, a leave-page prompt while anything typed is
// unsaved, and live character counts.
// Everything works without this file: the Save buttons post the form as usual.
(function () {
    "use strict";

    // Characters as the validator counts them: text elements, line breaks not counted.
    function countChars(text) {
        const flat = text.replace(/\r?\n/g, "");
        if (window.Intl && Intl.Segmenter) {
            return Array.from(new Intl.Segmenter("zh", { granularity: "grapheme" }).segment(flat)).length;
        }
        return Array.from(flat).length;
    }

    document.querySelectorAll("[data-maxchars]").forEach(function (input) {
        const max = parseInt(input.getAttribute("data-maxchars"), 10);
        if (!max) { return; }
        const limit = document.getElementById(input.id + "-limit");
        const update = function () {
            const used = countChars(input.value);
            if (limit) {
                limit.textContent = "不超过 " + max + " 字（已输入 " + used + " 字" + (used > max ? "，超出 " + (used - max) + " 字" : "") + "）";
                limit.classList.toggle("text-danger", used > max);
            }
        };
        input.addEventListener("input", update);
        update();
    });

    const form = document.querySelector("form[data-autosave]");
    if (!form || !window.fetch) { return; }
    const status = form.querySelector(".autosave-status");
    let dirty = false;
    let busy = false;
    // Values the last autosave refused (wrong format): still only on this page.
    let refused = false;
    let submitting = false;
    form.addEventListener("input", function () { dirty = true; });
    form.addEventListener("change", function () { dirty = true; });
    // Leaving by any other way than this form's buttons (the section list's buttons submit this form, so they save
    // first): the browser's own leave-page prompt while anything typed is not yet saved.
    window.addEventListener("beforeunload", function (event) {
        if (submitting || (!dirty && !busy && !refused)) { return; }
        event.preventDefault();
        event.returnValue = "";
    });
    form.addEventListener("submit", function (event) {
        // A save clicked while an autosave is in flight would post the old version and be refused as a conflict
        // with the user's own autosave: wait for it, then submit again with the version it returned.
        if (busy) {
            event.preventDefault();
            const submitter = event.submitter;
            const retry = setInterval(function () {
                if (!busy) {
                    clearInterval(retry);
                    form.requestSubmit(submitter);
                }
            }, 100);
            return;
        }
        dirty = false;
        submitting = true;
    });

    async function autosave() {
        if (!dirty || busy) { return; }
        busy = true;
        dirty = false;
        try {
            const response = await fetch(form.getAttribute("data-autosave"), { method: "POST", body: new FormData(form), credentials: "same-origin" });
            if (response.status === 503) {
                // The server could not reach its database: nothing was saved; the next autosave tries again.
                dirty = true;
                status.textContent = "系统暂时无法连接数据库，请稍后再试；本页内容尚未保存，请勿关闭页面。";
                return;
            }
            if (!response.ok) { throw new Error(String(response.status)); }
            const result = await response.json();
            if (result.conflict) {
                // Keep the old version: every further autosave is refused too, so nothing overwrites the other person's work.
                status.textContent = "自动保存未成功：其他人已保存了本申报，请点击“保存”查看并核对。";
                return;
            }
            form.querySelector("input[name=Version]").value = result.version;
            refused = result.errors.length > 0;
            status.textContent = result.errors.length > 0
                ? "已自动保存 " + result.savedAt + "；有 " + result.errors.length + " 处格式不正确未保存，点击“保存”查看。"
                : "已自动保存 " + result.savedAt;
        } catch (e) {
            dirty = true;
            status.textContent = "自动保存失败，请点击“保存”。";
        } finally {
            busy = false;
        }
    }
    setInterval(autosave, 30000);
})();
