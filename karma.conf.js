// Browser specs (`*.browser.spec.ts`) in the machine's Debian Chromium, headless. Used through the
// `@angular/build:karma` builder (`ng test <project>`), which supplies files and preprocessing.
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

process.env.CHROME_BIN = process.env.CHROME_BIN || '/usr/bin/chromium';

module.exports = function (config) {
  config.set({
    basePath: '',
    frameworks: ['jasmine'],
    plugins: [require('karma-jasmine'), require('karma-chrome-launcher')],
    client: { jasmine: { random: true }, clearContext: false },
    reporters: ['progress'],
    hostname: '127.0.0.1',
    listenAddress: '127.0.0.1',
    port: 9876,
    colors: !process.env.CI,
    logLevel: config.LOG_INFO,
    browsers: ['DebianChromiumHeadless'],
    customLaunchers: {
      DebianChromiumHeadless: { base: 'ChromeHeadless', flags: CHROMIUM_FLAGS },
    },
    browserNoActivityTimeout: 60000,
    singleRun: true,
    restartOnFileChange: false,
  });
};
