import { otlpEnvFor, phoenixLaunch } from '../../../local/trace-viewer';
import { loadConfig } from '../../../platform/config';
import { tracingSettings } from '../../../platform/telemetry/tracing';

describe('the development trace viewer (TRACE_VIEWER)', () => {
  it('is off unless asked', () => {
    expect(loadConfig({}).traceViewer).toBeNull();
    expect(loadConfig({ TRACE_VIEWER: 'off' }).traceViewer).toBeNull();
  });

  it('runs Phoenix on 6006 (OTLP/gRPC on 4317) by default, or on the ports given', () => {
    expect(loadConfig({ TRACE_VIEWER: 'phoenix' }).traceViewer).toEqual({
      kind: 'phoenix',
      port: 6006,
      grpcPort: 4317,
    });
    expect(
      loadConfig({ TRACE_VIEWER: 'phoenix', TRACE_VIEWER_PORT: '45060', TRACE_VIEWER_GRPC_PORT: '45061' })
        .traceViewer,
    ).toEqual({ kind: 'phoenix', port: 45060, grpcPort: 45061 });
  });

  it('refuses a viewer it does not know, naming the variable', () => {
    expect(() => loadConfig({ TRACE_VIEWER: 'jaeger' })).toThrow(/TRACE_VIEWER: /);
  });

  it('starts `phoenix serve` on loopback, its ports, its data under DATA_DIR, nothing fetched from outside', () => {
    const launch = phoenixLaunch(
      { kind: 'phoenix', port: 45060, grpcPort: 45061 },
      '/srv/data',
      '/repo/.tools/phoenix-venv/bin/phoenix',
    );
    expect(launch).toEqual({
      command: '/repo/.tools/phoenix-venv/bin/phoenix',
      args: ['serve'],
      env: {
        PHOENIX_HOST: '127.0.0.1',
        PHOENIX_PORT: '45060',
        PHOENIX_GRPC_PORT: '45061',
        PHOENIX_WORKING_DIR: '/srv/data/phoenix',
        PHOENIX_TELEMETRY_ENABLED: 'false',
        PHOENIX_ALLOW_EXTERNAL_RESOURCES: 'false',
      },
      url: 'http://127.0.0.1:45060',
      readyUrl: 'http://127.0.0.1:45060/healthz',
      otlpEndpoint: 'http://127.0.0.1:45060',
    });
  });

  it("points the app's exporter at it over http/protobuf, which turns tracing on", () => {
    const env = otlpEnvFor({ otlpEndpoint: 'http://127.0.0.1:45060' }, {});
    expect(env).toEqual({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:45060',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
    });
    expect(tracingSettings(env)).toEqual({ protocol: 'http/protobuf', endpoint: 'http://127.0.0.1:45060' });
  });

  it.each(['OTEL_EXPORTER_OTLP_ENDPOINT', 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'])(
    'leaves an endpoint the user set in %s alone',
    (name) => {
      expect(
        otlpEnvFor({ otlpEndpoint: 'http://127.0.0.1:45060' }, { [name]: 'http://collector:4318' }),
      ).toEqual({});
    },
  );
});
