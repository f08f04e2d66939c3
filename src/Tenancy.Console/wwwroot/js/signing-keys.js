// The agent's signing key in this browser: an ECDSA P-256 key pair made by WebCrypto whose private half is
// non-extractable (no script, ours included, can read it out), kept in IndexedDB under a slot (API base and agent id).
// Only the public JWK and signatures leave this file.
window.tenancySigning = (() => {
    const dbName = 'tenancy-signing';
    const storeName = 'keys';

    function open() {
        return new Promise((resolve, reject) => {
            const request = indexedDB.open(dbName, 1);
            request.onupgradeneeded = () => request.result.createObjectStore(storeName);
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
        });
    }

    async function run(mode, action) {
        const db = await open();
        try {
            return await new Promise((resolve, reject) => {
                const tx = db.transaction(storeName, mode);
                const request = action(tx.objectStore(storeName));
                tx.oncomplete = () => resolve(request.result);
                tx.onerror = () => reject(tx.error);
                tx.onabort = () => reject(tx.error);
            });
        } finally {
            db.close();
        }
    }

    const get = slot => run('readonly', s => s.get(slot));
    const put = (slot, record) => run('readwrite', s => s.put(record, slot));

    function base64(bytes) {
        let text = '';
        for (const b of new Uint8Array(bytes)) text += String.fromCharCode(b);
        return btoa(text);
    }

    return {
        supported() { return !!(window.crypto && crypto.subtle && window.indexedDB); },

        async find(slot) {
            const record = await get(slot);
            return record ? { publicJwk: JSON.stringify(record.publicJwk), keyId: record.keyId ?? null } : null;
        },

        async create(slot) {
            const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
            const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
            const publicJwk = { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y };
            await put(slot, { privateKey: pair.privateKey, publicJwk, keyId: null });
            return JSON.stringify(publicJwk);
        },

        async setKeyId(slot, keyId) {
            const record = await get(slot);
            if (record) await put(slot, { ...record, keyId });
        },

        // WebCrypto's ECDSA signature is the 64-byte r‖s that RFC 9421 §3.3.4 asks for: no DER to undo.
        async sign(slot, text) {
            const record = await get(slot);
            if (!record) return null;
            const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, record.privateKey, new TextEncoder().encode(text));
            return base64(signature);
        },

        forget(slot) { return run('readwrite', s => s.delete(slot)); },
    };
})();
