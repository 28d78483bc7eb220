import { ChangeDetectionStrategy, Component } from '@angular/core';
import { Shell } from './shell/shell';

/** The root component of the Meridian Bank portal: everything visible lives in the shell. */
@Component({
  selector: 'portal-root',
  imports: [Shell],
  template: '<portal-shell />',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {}
