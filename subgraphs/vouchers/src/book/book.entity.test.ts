import { Book, BookState } from './book.entity';

describe('Book.state', () => {
  test('issued, then allocated to a distributor, then handed out to a person', () => {
    const book = Object.assign(new Book(), { distributorId: null as string | null, beneficiaryId: null as string | null });
    expect(book.state).toBe(BookState.ISSUED);
    book.distributorId = '00000000-0000-4000-8000-000000000001';
    expect(book.state).toBe(BookState.ALLOCATED);
    book.beneficiaryId = '00000000-0000-4000-8000-000000000002';
    expect(book.state).toBe(BookState.HANDED_OUT);
  });
});
