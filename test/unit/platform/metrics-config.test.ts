import { loadConfig } from '../../../platform/config';

describe('metrics settings', () => {
  it('default to 127.0.0.1:9464 for the API and :9465 for the worker', () => {
    expect(loadConfig({}).metrics).toEqual({ host: '127.0.0.1', apiPort: 9464, workerPort: 9465 });
  });

  it('take a port, or `off` for none', () => {
    const config = loadConfig({
      API_METRICS_PORT: 'off',
      WORKER_METRICS_PORT: '19465',
      METRICS_HOST: '0.0.0.0',
    });
    expect(config.metrics).toEqual({ host: '0.0.0.0', apiPort: null, workerPort: 19465 });
  });

  it.each([
    ['of', /a port \(1-65535\) or "off"/],
    ['true', /a port \(1-65535\) or "off"/],
    ['0', />=1/],
    ['70000', /<=65535/],
  ])('refuse %s, naming the variable', (value, why) => {
    expect(() => loadConfig({ WORKER_METRICS_PORT: value })).toThrow(/WORKER_METRICS_PORT: /);
    expect(() => loadConfig({ WORKER_METRICS_PORT: value })).toThrow(why);
  });
});
