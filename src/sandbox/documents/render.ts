/**
 * The four PDFs, showing the actual data: the offer document and the information form of a
 * product, the comparison of 2–3 products, and the policy.
 */
import { COVERAGE_FIELDS, type CoverageValue } from '../../contract/coverage.js';
import { quotes } from '../../widget/i18n/tr/quotes.js';
import { formatPlate } from '../../widget/validation/index.js';
import { maskId } from '../masking.js';
import { paymentPlan } from '../services/pricing.js';
import type { PolicyRecord, ProductRecord, ProposalRecord, SandboxStore } from '../store.js';
import type { DocumentRef } from './links.js';
import { PdfWriter } from './pdf-writer.js';

const FOOTER = 'Bu belge InsurUp sanal ortamında (sandbox) üretilmiştir; gerçek bir sigorta belgesi değildir.';

const BRANCH_TITLES: Record<string, string> = {
  KASKO: 'Kasko Sigortası',
  TRAFIK: 'Zorunlu Mali Sorumluluk (Trafik) Sigortası',
  IMM: 'İhtiyari Mali Mesuliyet Sigortası',
  DASK: 'Zorunlu Deprem Sigortası (DASK)',
  KONUT: 'Konut Sigortası',
  TSS: 'Tamamlayıcı Sağlık Sigortası',
};

const money = (n: number) => `${new Intl.NumberFormat('tr-TR', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n)} TL`;
const date = (iso: string) => iso.slice(0, 10).split('-').reverse().join('.');

const LABELS: Record<string, string> = quotes;

/** The widget's Turkish label of a coverage field, else the key split into words. */
function coverageLabel(field: string): string {
  const label = LABELS[`quotes.field.${field}`];
  if (label) return label;
  const words = field.replace(/([a-z])([A-Z])/g, '$1 $2');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function coverageText(value: unknown): string {
  if (typeof value === 'string') {
    return LABELS[`quotes.enum.${value}`] ?? value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, ' ');
  }
  if (!value || typeof value !== 'object') return '-';
  const v = value as CoverageValue;
  switch (v.$type) {
    case 'INCLUDED':
      return 'Dahil';
    case 'NOT_INCLUDED':
      return 'Dahil değil';
    case 'LIMITLESS':
      return 'Limitsiz';
    case 'MARKET_VALUE':
      return 'Rayiç değer';
    case 'HIGHEST_LIMIT':
      return 'En yüksek limit';
    case 'DECIMAL':
      return money(v.value);
    case 'NUMBER':
      return String(v.value);
    case 'PERCENT':
      return `%${v.value}`;
    case 'UNDEFINED':
      return '-';
  }
}

interface Parties {
  insuredName: string;
  insuredId: string;
  subject: string;
}

function partiesOf(store: SandboxStore, proposal: ProposalRecord): Parties {
  const customer = store.customers.get(proposal.customerId)!;
  const id = customer.identityNumber ?? customer.taxNumber ?? '';
  let subject = customer.fullName;
  if (proposal.assetType === 'VEHICLE' && proposal.assetId) {
    const v = store.vehicles.get(proposal.assetId);
    if (v) {
      const plate = v.hasPlate === false ? 'Plakasız (yeni araç)' : formatPlate(v.plate);
      subject = `${plate} - ${v.model.brand.text} ${v.model.type.text} (${v.model.year})`;
    }
  } else if (proposal.assetType === 'PROPERTY' && proposal.assetId) {
    const p = store.properties.get(proposal.assetId);
    if (p) {
      const a = p.address;
      subject = `${a.neighborhood.text}, ${a.street.text} ${a.building.text} ${a.apartment.text}, ${a.district.text}/${a.city.text} (UAVT ${p.number}, ${p.squareMeter} m2)`;
    }
  }
  return { insuredName: customer.fullName, insuredId: maskId(id), subject };
}

function premiumRows(product: ProductRecord): string[][] {
  return [
    ['Taksit', 'Net prim', 'Brüt prim', 'Taksit tutarı'],
    ...product.premiums.map((p) => [
      p.installmentNumber === 1 ? 'Peşin' : `${p.installmentNumber} taksit`,
      money(p.netPremium),
      money(p.grossPremium),
      money(p.grossPremium / p.installmentNumber),
    ]),
  ];
}

function coverageRows(product: ProductRecord): string[][] {
  const coverage: Record<string, unknown> = product.coverage ?? {};
  return [['Teminat', 'Limit / durum'], ...COVERAGE_FIELDS[product.branch].map((f) => [coverageLabel(f), coverageText(coverage[f])])];
}

async function offer(store: SandboxStore, product: ProductRecord): Promise<Uint8Array> {
  const proposal = store.proposals.get(product.proposalId)!;
  const parties = partiesOf(store, proposal);
  const pdf = await PdfWriter.create(`${product.insurer.name} teklif`, FOOTER);
  pdf.banner(product.insurer.name, `${BRANCH_TITLES[product.branch]} - Teklif Belgesi`, product.insurer.color);
  const valid = new Date(Date.parse(proposal.createdAt) + 15 * 86_400_000).toISOString();
  pdf.fields([
    ['Teklif numarası', product.premiums[0]?.insuranceCompanyProposalNumber ?? '-'],
    ['Teklif tarihi', date(proposal.createdAt)],
    ['Geçerlilik', `${date(valid)} tarihine kadar`],
    ['Sigortalı', parties.insuredName],
    ['Kimlik / vergi no', parties.insuredId],
    ['Sigorta konusu', parties.subject],
    ['Ürün', product.productName],
    ['Teminat paketi', product.coverageGroup.name],
  ]);
  pdf.heading('Prim ve ödeme seçenekleri');
  pdf.table(premiumRows(product), [1.2, 1, 1, 1]);
  pdf.heading('Teminatlar');
  pdf.table(coverageRows(product), [2, 1.4]);
  return pdf.save();
}

async function informationForm(store: SandboxStore, product: ProductRecord): Promise<Uint8Array> {
  const proposal = store.proposals.get(product.proposalId)!;
  const parties = partiesOf(store, proposal);
  const pdf = await PdfWriter.create(`${product.insurer.name} bilgilendirme formu`, FOOTER);
  pdf.banner(product.insurer.name, `${BRANCH_TITLES[product.branch]} - Bilgilendirme Formu`, product.insurer.color);
  pdf.fields([
    ['Sigortacı', product.insurer.name],
    ['Ürün', product.productName],
    ['Sigorta ettiren', parties.insuredName],
    ['Sigorta konusu', parties.subject],
    ['Peşin brüt prim', product.premiums[0] ? money(product.premiums[0].grossPremium) : '-'],
  ]);
  pdf.heading('Sigortacıya ilişkin bilgiler');
  pdf.paragraph(`${product.insurer.name} (kurgusal bir şirket), bu sanal ortamda teklif ve poliçe belgelerinin nasıl görüneceğini göstermek için kullanılır. Gerçek bir sigorta şirketi değildir ve gerçek bir sözleşme kurulmaz.`);
  pdf.heading('Sözleşmeye ilişkin bilgiler');
  pdf.paragraph('Sigorta süresi, poliçede yazılı başlangıç tarihinde öğlen saat 12.00\'de başlar ve bitiş tarihinde öğlen saat 12.00\'de sona erer. Prim, seçilen taksit planına göre tahsil edilir; ilk taksit ödenmedikçe sigortacının sorumluluğu başlamaz.');
  pdf.paragraph('Sigortalı, sözleşmenin yapılmasından itibaren 14 gün içinde herhangi bir gerekçe göstermeden cayma hakkına sahiptir; bu durumda prim, gün esasına göre iade edilir.');
  pdf.paragraph('Hasar halinde sigortalı, olayı öğrendiği tarihten itibaren en geç beş iş günü içinde sigortacıya bildirmekle yükümlüdür.');
  pdf.heading('Kişisel verilerin korunması');
  pdf.paragraph('Kişisel verileriniz 6698 sayılı Kişisel Verilerin Korunması Kanunu kapsamında, sigorta sözleşmesinin kurulması ve ifası amacıyla işlenir. Bu sanal ortamda girilen veriler yalnızca bellekte tutulur ve ortam kapanınca silinir.');
  pdf.heading('Prim bilgisi');
  pdf.table(premiumRows(product), [1.2, 1, 1, 1]);
  return pdf.save();
}

async function compare(store: SandboxStore, products: ProductRecord[]): Promise<Uint8Array> {
  const first = products[0]!;
  const proposal = store.proposals.get(first.proposalId)!;
  const parties = partiesOf(store, proposal);
  const pdf = await PdfWriter.create('Teklif karşılaştırma', FOOTER);
  pdf.banner('Teklif Karşılaştırma', BRANCH_TITLES[first.branch]!, '#34495e');
  pdf.fields([
    ['Sigortalı', parties.insuredName],
    ['Sigorta konusu', parties.subject],
    ['Tarih', date(new Date().toISOString())],
  ]);
  const shares = [1.6, ...products.map(() => 1)];
  const premium = (p: ProductRecord, n: number) => {
    const found = p.premiums.find((x) => x.installmentNumber === n);
    return found ? money(found.grossPremium) : '-';
  };
  pdf.table(
    [
      ['', ...products.map((p) => p.insurer.name)],
      ['Ürün', ...products.map((p) => p.productName)],
      ['Teminat paketi', ...products.map((p) => p.coverageGroup.name)],
      ['Peşin brüt prim', ...products.map((p) => premium(p, 1))],
      ['9 taksit brüt prim', ...products.map((p) => premium(p, 9))],
    ],
    shares,
  );
  pdf.heading('Teminatlar');
  pdf.table(
    [
      ['Teminat', ...products.map((p) => p.insurer.name)],
      ...COVERAGE_FIELDS[first.branch].map((f) => [coverageLabel(f), ...products.map((p) => coverageText(p.coverage?.[f]))]),
    ],
    shares,
  );
  return pdf.save();
}

async function policy(store: SandboxStore, record: PolicyRecord): Promise<Uint8Array> {
  const product = store.products.get(record.proposalProductId)!;
  const proposal = store.proposals.get(record.proposalId)!;
  const parties = partiesOf(store, proposal);
  const pdf = await PdfWriter.create(`Poliçe ${record.policyNumber}`, FOOTER);
  pdf.banner(record.insurerName, `${BRANCH_TITLES[record.branch]} - Poliçe`, product.insurer.color);
  pdf.fields([
    ['Poliçe numarası', record.policyNumber],
    ['Başlangıç', `${date(record.startDate)} 12:00`],
    ['Bitiş', `${date(record.endDate)} 12:00`],
    ['Sigortalı', parties.insuredName],
    ['Kimlik / vergi no', parties.insuredId],
    ['Sigorta konusu', parties.subject],
    ['Ürün', record.productName],
    ['Teminat paketi', product.coverageGroup.name],
    ['Ödeme tipi', record.paymentType],
    ['Net prim', money(record.netPremium)],
    ['Brüt prim', money(record.grossPremium)],
    ['Taksit sayısı', record.installmentNumber === 1 ? 'Peşin' : String(record.installmentNumber)],
  ]);
  const premium = product.premiums.find((p) => p.installmentNumber === record.installmentNumber)!;
  pdf.heading('Ödeme planı');
  pdf.table(
    [['Taksit', 'Vade', 'Tutar'], ...paymentPlan(premium, new Date(record.createdAt)).map((p, i) => [String(i + 1), date(p.dueDate), money(p.amount)])],
    [1, 1, 1],
  );
  pdf.heading('Teminatlar');
  pdf.table(coverageRows(product), [2, 1.4]);
  return pdf.save();
}

export interface RenderedDocument {
  bytes: Uint8Array;
  filename: string;
}

/** The PDF a link points to, or undefined when what it names is gone. */
export async function renderDocument(store: SandboxStore, ref: DocumentRef): Promise<RenderedDocument | undefined> {
  switch (ref.kind) {
    case 'offer':
    case 'information-form': {
      const product = store.products.get(ref.productId);
      if (!product || product.premiums.length === 0) return undefined;
      const bytes = ref.kind === 'offer' ? await offer(store, product) : await informationForm(store, product);
      const name = ref.kind === 'offer' ? 'teklif' : 'bilgilendirme-formu';
      return { bytes, filename: `${name}-${product.insurer.code.toLowerCase()}-${product.id}.pdf` };
    }
    case 'compare': {
      const products = ref.productIds.map((id) => store.products.get(id));
      if (products.some((p) => !p || p.premiums.length === 0)) return undefined;
      return { bytes: await compare(store, products as ProductRecord[]), filename: `karsilastirma-${ref.productIds.join('-')}.pdf` };
    }
    case 'policy': {
      const record = store.policies.get(ref.policyId);
      if (!record) return undefined;
      return { bytes: await policy(store, record), filename: `police-${record.policyNumber}.pdf` };
    }
  }
}
