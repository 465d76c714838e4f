export const login = {
  'login.title': 'Giriş yapın',
  'login.codeTitle': 'Doğrulama kodu',
} as const;
