/**
 * Reads a chosen file as base64 (the import API takes JSON `{ fileBase64 }`), reporting how much was read so
 * the page can show progress on large workbooks.
 */
export function readAsBase64(file: Blob, onProgress: (fraction: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    reader.onerror = () => {
      reject(reader.error ?? new Error('The file could not be read.'));
    };
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      onProgress(1);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}
