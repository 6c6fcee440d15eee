import { expect } from 'chai';
import { describeEachDatabase } from '../support/each-database.js';

/** Receipts: one per paid order, numbered in sequence per partner and financial year, JSON and PDF. */
describeEachDatabase('receipts', function (db) {
  const s = db.server;
  const admin = () => s.token('receipt-admin', { role: 'admin' });

  async function paidOrder(sub: string, body: unknown = { packId: 'pack_10' }) {
    const t = s.token(sub);
    const order = await s.call('POST', '/api/credits/purchase', { token: t, body });
    expect(order.status).to.equal(201);
    const checkout = await s.call('POST', '/api/credits/sandbox/pay', { token: t, body: { orderId: order.body.orderId } });
    const v = await s.call('POST', '/api/credits/purchase/verify', { token: t, body: checkout.body });
    expect(v.status).to.equal(200);
    return { token: t, orderId: order.body.orderId as string, amountPaise: order.body.amountPaise as number, paymentId: checkout.body.paymentId as string };
  }

  it('issues a receipt with the partner\'s legal details, a sequential number and the GST split', async () => {
    const saved = await s.call('POST', '/api/admin/config', { token: admin(), body: { config: { billing: {
      legalName: 'Affiliate Academy Pvt Ltd', address: '12 MG Road, Bengaluru 560001', gstin: '29ABCDE1234F1Z5', receiptPrefix: 'AAC' } } } });
    expect(saved.status, JSON.stringify(saved.body)).to.equal(200);
    const a = await paidOrder('receipt-a');
    const r = await s.call('GET', `/api/credits/orders/${a.orderId}/receipt`, { token: a.token });
    expect(r.status, JSON.stringify(r.body)).to.equal(200);
    expect(r.body.receiptNumber).to.match(/^AAC\/\d{4}\/\d{6}$/);
    expect(r.body.seller).to.deep.equal({ legalName: 'Affiliate Academy Pvt Ltd', address: '12 MG Road, Bengaluru 560001', gstin: '29ABCDE1234F1Z5' });
    expect(r.body).to.include({ orderId: a.orderId, paymentId: a.paymentId, amountPaise: a.amountPaise, currency: 'INR' });
    expect(r.body.item).to.include({ credits: 10, packId: 'pack_10' });
    expect(r.body.tax).to.include({ label: 'GST', ratePercent: 18, inclusive: true });
    expect(r.body.tax.taxablePaise + r.body.tax.taxPaise).to.equal(a.amountPaise);
    expect(r.body.tax.cgstPaise + r.body.tax.sgstPaise).to.equal(r.body.tax.taxPaise);

    // The same receipt on every read; the next order takes the next number.
    const again = await s.call('GET', `/api/credits/orders/${a.orderId}/receipt`, { token: a.token });
    expect(again.body).to.deep.equal(r.body);
    const b = await paidOrder('receipt-b');
    const rb = await s.call('GET', `/api/credits/orders/${b.orderId}/receipt`, { token: b.token });
    const seq = (n: string) => Number(n.split('/')[2]);
    expect(seq(rb.body.receiptNumber)).to.equal(seq(r.body.receiptNumber) + 1);
    expect(rb.body.financialYear).to.equal(r.body.financialYear);

    // A later change of the legal name does not rewrite issued receipts.
    await s.call('POST', '/api/admin/config', { token: admin(), body: { config: { billing: { legalName: 'Renamed Ltd' } } } });
    const old = await s.call('GET', `/api/credits/orders/${a.orderId}/receipt`, { token: a.token });
    expect(old.body.seller.legalName).to.equal('Affiliate Academy Pvt Ltd');
  });

  it('answers a PDF with Accept: application/pdf', async () => {
    const a = await paidOrder('receipt-pdf');
    const json = await s.call('GET', `/api/credits/orders/${a.orderId}/receipt`, { token: a.token });
    const res = await fetch(`${s.baseUrl}/api/credits/orders/${a.orderId}/receipt`, { headers: { authorization: `Bearer ${a.token}`, accept: 'application/pdf' } });
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.match(/^application\/pdf/);
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).to.equal('%PDF-');
    expect(pdf.subarray(-6).toString()).to.match(/%%EOF/);
    // The number is in the document's title (metadata strings are not compressed).
    expect(pdf.toString('latin1')).to.include(`Receipt ${json.body.receiptNumber}`);
  });

  it('numbers receipts without gaps or duplicates when many orders are paid at once', async function () {
    this.timeout(60_000);
    const orders = await Promise.all(Array.from({ length: 8 }, (_, i) => paidOrder(`receipt-many-${i}`)));
    const numbers = await Promise.all(orders.map(async (o) => (await s.call('GET', `/api/credits/orders/${o.orderId}/receipt`, { token: o.token })).body.receiptNumber as string));
    const seqs = numbers.map((n) => Number(n.split('/')[2])).sort((x, y) => x - y);
    expect(new Set(seqs).size).to.equal(8);
    expect(seqs[7]! - seqs[0]!).to.equal(7);
  });

  it('refuses other users\' orders (404), unpaid orders (409) and a bad billing configuration (400)', async () => {
    const a = await paidOrder('receipt-owner');
    const other = await s.call('GET', `/api/credits/orders/${a.orderId}/receipt`, { token: s.token('receipt-stranger') });
    expect(other.status).to.equal(404);
    expect(other.body.code).to.equal('not_found');
    const t = s.token('receipt-unpaid');
    const order = await s.call('POST', '/api/credits/purchase', { token: t, body: { packId: 'pack_10' } });
    const unpaid = await s.call('GET', `/api/credits/orders/${order.body.orderId}/receipt`, { token: t });
    expect(unpaid.status).to.equal(409);
    expect(unpaid.body.code).to.equal('conflict');
    const missing = await s.call('GET', '/api/credits/orders/ord_nope/receipt', { token: t });
    expect(missing.status).to.equal(404);
    const bad = await s.call('POST', '/api/admin/config', { token: admin(), body: { config: { billing: { gstin: 'not-a-gstin', receiptPrefix: 'toolongprefix', taxRatePercent: 99 } } } });
    expect(bad.status).to.equal(400);
    expect(bad.body.code).to.equal('validation_error');
    const fields = (bad.body.errors as { field: string }[]).map((e) => e.field);
    expect(fields).to.include.members(['billing.gstin', 'billing.receiptPrefix', 'billing.taxRatePercent']);
  });
});
