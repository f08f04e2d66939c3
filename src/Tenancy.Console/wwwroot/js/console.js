// Browser-side helpers of the console: what Blazor cannot do from .NET alone (file downloads, drag and drop,
// an upload with progress events, the page language).
window.tenancyConsole = (() => {
    const chosen = new Map();

    // The page's language from the first paint (the browser's own controls and screen readers follow it), before Blazor starts.
    if (localStorage.getItem('tenancy.lang') === 'fr') document.documentElement.lang = 'fr';

    function choose(inputId, file, dotnet) {
        if (!file) return;
        chosen.set(inputId, file);
        dotnet.invokeMethodAsync('FileChosen', file.name, file.size);
    }

    return {
        setLang(lang) { document.documentElement.lang = lang; },

        reload() { location.reload(); },

        focus(id) { document.getElementById(id)?.focus(); },

        showModal(id) {
            const dialog = document.getElementById(id);
            if (dialog && !dialog.open) dialog.showModal();
        },

        closeModal(id) {
            const dialog = document.getElementById(id);
            if (dialog?.open) dialog.close();
        },

        focusFirstInvalid() { document.querySelector('[aria-invalid=true]')?.focus(); },

        download(fileName, bytes, contentType) {
            const url = URL.createObjectURL(new Blob([bytes], { type: contentType }));
            const a = document.createElement('a');
            a.href = url;
            a.download = fileName;
            document.body.appendChild(a);
            a.click();
            a.remove();
            setTimeout(() => URL.revokeObjectURL(url), 60000);
        },

        // Keeps the file picked in the input, or dropped on the zone, until upload() sends it.
        initFilePicker(zone, input, dotnet) {
            input.addEventListener('change', () => choose(input.id, input.files[0], dotnet));
            zone.addEventListener('dragover', e => { e.preventDefault(); zone.classList.add('dragging'); });
            zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
            zone.addEventListener('drop', e => {
                e.preventDefault();
                zone.classList.remove('dragging');
                choose(input.id, e.dataTransfer.files[0], dotnet);
            });
        },

        // The file picker's own button speaks the browser's language: the console shows its own, which opens it.
        browseFile(inputId) { document.getElementById(inputId)?.click(); },

        clearFile(inputId) {
            chosen.delete(inputId);
            const input = document.getElementById(inputId);
            if (input) input.value = '';
        },

        // XMLHttpRequest, because fetch reports no upload progress.
        upload(inputId, url, key, dotnet) {
            const file = chosen.get(inputId);
            return new Promise(resolve => {
                if (!file) { resolve({ status: -1, body: '' }); return; }
                const xhr = new XMLHttpRequest();
                xhr.open('POST', url);
                xhr.setRequestHeader('Authorization', 'Bearer ' + key);
                xhr.upload.onprogress = e => {
                    if (e.lengthComputable) dotnet.invokeMethodAsync('UploadProgress', e.loaded, e.total);
                };
                xhr.onload = () => resolve({ status: xhr.status, body: xhr.responseText });
                xhr.onerror = () => resolve({ status: 0, body: '' });
                const form = new FormData();
                form.append('file', file, file.name);
                xhr.send(form);
            });
        },
    };
})();
