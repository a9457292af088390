import { SessionStore } from '../../../local/auth/session-store';

describe('the development provider’s session store', () => {
  it('keeps what has no lifetime, and finds by uid', async () => {
    const sessions = new SessionStore('Session');
    await sessions.upsert('s1', { uid: 'u1', accountId: 'customer:21314849' });
    expect(await sessions.find('s1')).toMatchObject({ accountId: 'customer:21314849' });
    expect(await sessions.findByUid('u1')).toMatchObject({ accountId: 'customer:21314849' });
    expect(await new SessionStore('Interaction').find('s1')).toBeUndefined();
  });

  it('forgets what has expired, marks what is consumed, destroys on request', async () => {
    const codes = new SessionStore('AuthorizationCode');
    await codes.upsert('gone', { grantId: 'g0' }, -1);
    expect(await codes.find('gone')).toBeUndefined();
    await codes.upsert('c1', { grantId: 'g1' }, 60);
    await codes.consume('c1');
    expect((await codes.find('c1'))?.consumed).toEqual(expect.any(Number));
    await codes.destroy('c1');
    expect(await codes.find('c1')).toBeUndefined();
  });

  it('revokes every token of a grant', async () => {
    const access = new SessionStore('AccessToken');
    const refresh = new SessionStore('RefreshToken');
    await access.upsert('a1', { grantId: 'g2' }, 60);
    await refresh.upsert('r1', { grantId: 'g2' }, 60);
    await refresh.upsert('r2', { grantId: 'g3' }, 60);
    // A sign-in as someone else revokes the old grant while its interaction goes on.
    const interactions = new SessionStore('Interaction');
    await interactions.upsert('i1', { grantId: 'g2' }, 60);
    await access.revokeByGrantId('g2');
    expect([await access.find('a1'), await refresh.find('r1')]).toEqual([undefined, undefined]);
    expect(await refresh.find('r2')).toBeDefined();
    expect(await interactions.find('i1')).toBeDefined();
  });
});
