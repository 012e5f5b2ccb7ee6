import mongoose, { Schema } from 'mongoose';
import { isolatedMongoUrl } from '@base-shift/testing';

describe('Mongoose against the FerretDB test server', () => {
  const connection = mongoose.createConnection(isolatedMongoUrl('roundtrip'));

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('writes and reads a document over the wire protocol, enforcing a unique index', async () => {
    const Note = connection.model('Note', new Schema({ key: { type: String, unique: true }, body: Object }));
    await Note.init();
    await Note.create({ key: 'greeting', body: { text: 'hello', tags: ['a', 'b'] } });

    const found = await Note.findOne({ key: 'greeting' }).lean();
    expect(found?.body).toEqual({ text: 'hello', tags: ['a', 'b'] });
    await expect(Note.create({ key: 'greeting', body: {} })).rejects.toMatchObject({ code: 11000 });
  });
});
