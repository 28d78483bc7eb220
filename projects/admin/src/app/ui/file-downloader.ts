import { DOCUMENT, inject, Injectable } from '@angular/core';

/** Downloads through an object URL and a temporary link, as the browser's "Save link as". */
@Injectable({ providedIn: 'root' })
export class BrowserFileDownloader implements FileDownloader {
  private readonly document = inject(DOCUMENT);

  save(fileName: string, text: string, type: string): void {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = this.document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.rel = 'noopener';
    this.document.body.append(link);
    link.click();
    link.remove();
    // Revoke later: some browsers start reading the URL only after click() has returned.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

/** Saves text as a file on the user's machine; tests replace it (jsdom has no object URLs). */
@Injectable({ providedIn: 'root', useExisting: BrowserFileDownloader })
export abstract class FileDownloader {
  /**
   * Offers a file for download.
   *
   * @param fileName The suggested file name.
   * @param text The file's content.
   * @param type Its media type.
   */
  abstract save(fileName: string, text: string, type: string): void;
}
