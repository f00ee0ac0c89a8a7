// pdf.js's legacy build (both halves) installs core-js's Array.prototype.push for the whole process, because V8's
// does not throw when pushing nothing onto an array whose length is frozen. Theirs is plain JavaScript that reads a
// property descriptor on every call: about a tenth of the pipeline's CPU went into it. This module is imported
// before pdf.js wherever pdf.js is loaded, keeps V8's push, and puts it back once pdf.js has loaded.
const v8Push = Array.prototype.push;

export function restoreNativePush(): void {
  if (Array.prototype.push !== v8Push) Array.prototype.push = v8Push;
}
