import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatExpansionModule } from '@angular/material/expansion';
import { MatIconModule } from '@angular/material/icon';

import { CONTACT_OPTIONS, FAQ } from './support-content';

/** The public help page: frequently asked questions and ways to contact the bank. */
@Component({
  selector: 'portal-support-page',
  imports: [MatButtonModule, MatCardModule, MatExpansionModule, MatIconModule],
  template: `
    <div class="portal-page" data-testid="support-page">
      <h1 class="portal-page-title">Help &amp; support</h1>
      <p class="portal-page-lead">
        Find quick answers to common questions, or get in touch with our team. We're here to help.
      </p>

      <section aria-labelledby="contact-heading">
        <h2 id="contact-heading" class="portal-section-title">Contact us</h2>
        <div class="contact-grid">
          @for (option of contactOptions; track option.title) {
            <mat-card appearance="outlined" class="contact">
              <mat-card-header>
                <mat-icon mat-card-avatar class="contact-icon" aria-hidden="true">
                  {{ option.icon }}
                </mat-icon>
                <mat-card-title>{{ option.title }}</mat-card-title>
                <mat-card-subtitle>{{ option.detail }}</mat-card-subtitle>
              </mat-card-header>
              <mat-card-content>
                <p>{{ option.hours }}</p>
              </mat-card-content>
              @if (option.href && option.action) {
                <mat-card-actions>
                  <a mat-button [href]="option.href">{{ option.action }}</a>
                </mat-card-actions>
              }
            </mat-card>
          }
        </div>
      </section>

      <section aria-labelledby="faq-heading">
        <h2 id="faq-heading" class="portal-section-title">Frequently asked questions</h2>
        <mat-accordion>
          @for (entry of faq; track entry.question) {
            <mat-expansion-panel>
              <mat-expansion-panel-header>
                <mat-panel-title>{{ entry.question }}</mat-panel-title>
              </mat-expansion-panel-header>
              <p>{{ entry.answer }}</p>
            </mat-expansion-panel>
          }
        </mat-accordion>
      </section>
    </div>
  `,
  styles: `
    .contact-grid {
      display: grid;
      gap: 16px;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 340px), 1fr));
    }
    .contact {
      height: 100%;
    }
    .contact p {
      margin: 12px 0 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .contact-icon {
      display: grid;
      place-items: center;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    mat-card-subtitle {
      overflow-wrap: break-word;
    }
    mat-panel-title {
      padding: 8px 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SupportPage {
  protected readonly faq = FAQ;
  protected readonly contactOptions = CONTACT_OPTIONS;
}
