import { Order, OrderStatus } from './order.entity';

describe('Order', () => {
  test('face value and voucher count follow books × vouchers per book × face value', () => {
    const order = Object.assign(new Order(), { bookCount: 1570, vouchersPerBook: 5, faceValueCents: 1000, paidAt: null as Date | null });
    expect(order.voucherCount).toBe(7850);
    expect(order.faceValueTotalCents).toBe(7_850_000);
    expect(order.status).toBe(OrderStatus.PLACED);
    order.paidAt = new Date();
    expect(order.status).toBe(OrderStatus.PAID);
  });
});
