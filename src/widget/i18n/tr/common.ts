/** Turkish (default) messages shared by every element. */
export const common = {
  'common.retry': 'Tekrar dene',
  'common.back': 'Geri',
  'common.continue': 'Devam et',
  'common.loading': 'Yükleniyor…',
  'common.noResults': 'Sonuç bulunamadı',
  'common.resultCount': '{count} sonuç',
  'common.select': 'Seçin',
  'common.needsLogin': 'Devam etmek için önce giriş yapın.',
  'common.needsAsset': 'Teklif almak için önce sigortalanacak varlığı seçin.',
  'common.needsQuote': 'Ödeme için önce bir teklif seçin.',
  'common.needsPolicy': 'Henüz bir poliçe yok.',
  'common.missingProxy': 'Bu bileşen yapılandırılmamış: proxy-url özniteliği eksik.',
  // A payment finished in another tab (or a banking app's new tab): see session/payment-return.ts.
  'common.paymentReturn.checking': 'Ödemeniz kontrol ediliyor…',
  'common.paymentReturn.login': 'Ödemenizin sonucunu görmek için giriş yapın. Giriş yaptığınızda poliçenizi burada gösteririz.',
  'common.paymentReturn.unconfirmed.title': 'Ödemeniz burada doğrulanamadı',
  'common.paymentReturn.unconfirmed.body':
    'Ödeme sayfasından döndünüz, ancak hesabınızda bu ödemeye ait bir poliçe bulamadık. Ödemeyi başka bir sekmede başlattıysanız o sekmede devam edin; sorunuz olursa acentenizle iletişime geçin.',
} as const;

/** Messages for validator keys (src/widget/validation): `validation.<key>`. */
export const validation = {
  'validation.required': 'Bu alan zorunludur.',
  'validation.tckn': 'Geçerli bir T.C. kimlik numarası girin (11 hane).',
  'validation.vkn': 'Geçerli bir vergi kimlik numarası girin (10 hane).',
  'validation.ykn': 'Geçerli bir yabancı kimlik numarası girin (99 ile başlayan 11 hane).',
  'validation.plate': 'Geçerli bir plaka girin (ör. 34 ABC 123).',
  'validation.serial': 'Ruhsat seri numarası 2 harf ve 6 rakamdan oluşur (ör. AB 123456).',
  'validation.uavt': 'UAVT adres kodu, 0 ile başlamayan 10 rakamdan oluşur.',
  'validation.phone': 'Geçerli bir cep telefonu girin (5XX XXX XX XX).',
  'validation.cardNumber': 'Kart numarası geçerli değil.',
  'validation.cardExpiry': 'Son kullanma tarihini AA/YY biçiminde girin.',
  'validation.cardExpired': 'Kartın son kullanma tarihi geçmiş.',
  'validation.cvc': 'Güvenlik kodu 3 rakamdan oluşur (American Express için 4).',
  'validation.email': 'Geçerli bir e-posta adresi girin.',
  'validation.birthDate': 'Doğum tarihini gg.aa.yyyy biçiminde girin (18 yaşından büyük olmalısınız).',
  'validation.range': '{min} ile {max} arasında bir değer girin.',
  'validation.integer': 'Tam sayı girin.',
  'validation.decimal': 'Bir sayı girin, ör. 72 veya 72,5.',
  'validation.holderName': 'Kart üzerindeki adı ve soyadı girin.',
} as const;

/** Error messages for failed requests (src/widget/api/errors.ts). */
export const errors = {
  'errors.network': 'Bağlantı kurulamadı. İnternet bağlantınızı kontrol edip tekrar deneyin.',
  'errors.timeout': 'İstek zaman aşımına uğradı. Lütfen tekrar deneyin.',
  'errors.server': 'Sunucuda bir sorun oluştu. Lütfen biraz sonra tekrar deneyin.',
  'errors.contract': 'Sunucudan beklenmeyen bir yanıt geldi. Lütfen tekrar deneyin.',
  'errors.unauthorized': 'Oturumunuzun süresi doldu. Lütfen tekrar giriş yapın.',
  'errors.forbidden': 'Bu işlem için yetkiniz yok.',
  'errors.notFound': 'Aradığınız kayıt bulunamadı.',
  'errors.rateLimited': 'Çok fazla deneme yaptınız. Lütfen {seconds} saniye sonra tekrar deneyin.',
  'errors.rateLimitedMinutes': 'Çok fazla deneme yaptınız. Lütfen {minutes} dakika sonra tekrar deneyin.',
  'errors.invalidInput': 'Girdiğiniz bilgileri kontrol edin.',
  'errors.conflict': 'Bu işlem şu anda yapılamıyor.',
  'errors.unknown': 'Beklenmeyen bir hata oluştu. Lütfen tekrar deneyin.',
} as const;
