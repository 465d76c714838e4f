/** `<insurup-my-policies>`: the customer's past proposals and policies. */
export const myPolicies = {
  'myPolicies.title': 'Tekliflerim ve poliçelerim',
  'myPolicies.loginFirst': 'Tekliflerinizi ve poliçelerinizi görmek için giriş yapın.',

  'myPolicies.policies.heading': 'Poliçelerim',
  'myPolicies.policies.loading': 'Poliçeleriniz yükleniyor…',
  'myPolicies.policies.empty': 'Henüz bir poliçeniz yok.',
  'myPolicies.policies.pages': 'Poliçe sayfaları',
  'myPolicies.policy.number': 'Poliçe no',
  'myPolicies.policy.period': 'Geçerlilik',
  'myPolicies.policy.premium': 'Prim',
  'myPolicies.policy.state': 'Durum',
  'myPolicies.policy.download': 'PDF indir',

  'myPolicies.proposals.heading': 'Tekliflerim',
  'myPolicies.proposals.loading': 'Teklifleriniz yükleniyor…',
  'myPolicies.proposals.empty': 'Henüz bir teklif almadınız.',
  'myPolicies.proposals.pages': 'Teklif sayfaları',
  'myPolicies.proposal.date': 'Teklif tarihi',
  'myPolicies.proposal.state': 'Durum',
  'myPolicies.proposal.state.WAITING': 'Teklifler geliyor',
  'myPolicies.proposal.state.COMPLETED': 'Tamamlandı',
  'myPolicies.proposal.state.other': 'İşlemde',
  'myPolicies.proposal.lowest': 'En uygun teklif',
  'myPolicies.proposal.offers': 'Teklif sayısı',
  'myPolicies.proposal.offersValue': '{succeeded} / {total} sigorta şirketi',

  'myPolicies.previous': 'Önceki',
  'myPolicies.next': 'Sonraki',
  'myPolicies.range': '{from}–{to} / {total}',
} as const;
