import { ConnectTo } from './connect-to';

describe('ConnectTo (EGRESS_CONNECT_TO)', () => {
  it('maps a host and port, the default port of the scheme included, to another', () => {
    const { connectTo, problems } = ConnectTo.parse(['payment.gateway.com:443:127.0.0.1:8443', 'api.internal:80:[::1]:9000']);
    expect(problems).toEqual([]);
    expect(connectTo.target(new URL('https://payment.gateway.com/process'))).toEqual({ host: '127.0.0.1', port: 8443 });
    expect(connectTo.target(new URL('https://PAYMENT.gateway.com:443/x'))).toEqual({ host: '127.0.0.1', port: 8443 });
    expect(connectTo.target(new URL('http://api.internal/x'))).toEqual({ host: '::1', port: 9000 });
  });

  it('leaves other hosts and other ports alone', () => {
    const { connectTo } = ConnectTo.parse(['payment.gateway.com:443:127.0.0.1:8443']);
    expect(connectTo.target(new URL('http://payment.gateway.com/process'))).toBeUndefined();
    expect(connectTo.target(new URL('https://payment.gateway.com:8443/process'))).toBeUndefined();
    expect(connectTo.target(new URL('https://other.example/'))).toBeUndefined();
    expect(ConnectTo.NONE.target(new URL('https://payment.gateway.com/'))).toBeUndefined();
  });

  it.each(['payment.gateway.com:443:127.0.0.1', 'payment.gateway.com=127.0.0.1:8443', 'a:0:b:1', 'a:1:b:65536', 'a b:1:c:2'])(
    'refuses %j, naming it',
    (entry) => {
      const { problems } = ConnectTo.parse([entry]);
      expect(problems).toEqual([expect.stringContaining(JSON.stringify(entry))]);
    },
  );
});
