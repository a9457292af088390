import { sameMachineBases } from '../../../local/auth/provider';

describe('the web app’s redirect bases at the development provider', () => {
  it.each([
    ['http://localhost:3000', ['http://localhost:3000', 'http://127.0.0.1:3000']],
    ['http://127.0.0.1:3000/', ['http://127.0.0.1:3000/', 'http://localhost:3000']],
    ['https://selfcare.example.id', ['https://selfcare.example.id']],
    ['http://10.0.0.5:3000', ['http://10.0.0.5:3000']],
  ])('%s → %j', (base, bases) => {
    expect(sameMachineBases(base)).toEqual(bases);
  });
});
