import { ChangeDetectionStrategy, Component } from '@angular/core';
import { Shell } from './shell/shell';

/** The root component of the profile admin: everything visible lives in the shell. */
@Component({
  selector: 'admin-root',
  imports: [Shell],
  template: '<admin-shell />',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {}
