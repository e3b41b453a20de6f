import type { Language } from '@bb/protocol';

/** Every text the ticket itself prints (not the office's data). German is the reference; all languages are complete. */
const de = {
  yourNumber: 'Ihre Wartenummer',
  concern: 'Anliegen',
  waitTime: 'Voraussichtliche Wartezeit',
  waitRange: 'ca. {min}–{max} Min.',
  ahead: 'Personen vor Ihnen',
  bring: 'Bitte mitbringen',
  appointment: 'Ihr Termin',
  statusPage: 'Wartestatus online verfolgen',
  copy: 'Zweitschrift',
};

export type LabelKey = keyof typeof de;
type Catalogue = Record<LabelKey, string>;

export const LABELS = {
  de,
  en: {
    yourNumber: 'Your number',
    concern: 'Concern',
    waitTime: 'Expected waiting time',
    waitRange: 'approx. {min}–{max} min',
    ahead: 'People ahead of you',
    bring: 'Please bring',
    appointment: 'Your appointment',
    statusPage: 'Follow your status online',
    copy: 'Copy',
  },
  tr: {
    yourNumber: 'Sıra numaranız',
    concern: 'İşlem',
    waitTime: 'Tahmini bekleme süresi',
    waitRange: 'yaklaşık {min}–{max} dk.',
    ahead: 'Önünüzdeki kişi sayısı',
    bring: 'Lütfen yanınızda getirin',
    appointment: 'Randevunuz',
    statusPage: 'Durumunuzu çevrimiçi takip edin',
    copy: 'Kopya',
  },
  // Arabic and Persian use '-' in ranges: between digits an en dash would flip them (bidi rule N1).
  ar: {
    yourNumber: 'رقم الانتظار الخاص بك',
    concern: 'الطلب',
    waitTime: 'مدة الانتظار المتوقعة',
    waitRange: 'حوالي {min}-{max} دقيقة',
    ahead: 'عدد الأشخاص قبلك',
    bring: 'يرجى إحضار',
    appointment: 'موعدك',
    statusPage: 'تابع حالتك عبر الإنترنت',
    copy: 'نسخة',
  },
  fa: {
    yourNumber: 'شماره نوبت شما',
    concern: 'درخواست',
    waitTime: 'زمان انتظار تقریبی',
    waitRange: 'حدود {min}-{max} دقیقه',
    ahead: 'تعداد افراد جلوتر از شما',
    bring: 'لطفاً همراه داشته باشید',
    appointment: 'وقت ملاقات شما',
    statusPage: 'وضعیت خود را آنلاین دنبال کنید',
    copy: 'نسخه دوم',
  },
  pl: {
    yourNumber: 'Twój numer',
    concern: 'Sprawa',
    waitTime: 'Przewidywany czas oczekiwania',
    waitRange: 'ok. {min}–{max} min',
    ahead: 'Osoby przed Tobą',
    bring: 'Proszę zabrać ze sobą',
    appointment: 'Twoja wizyta',
    statusPage: 'Sprawdź status online',
    copy: 'Duplikat',
  },
  ru: {
    yourNumber: 'Ваш номер',
    concern: 'Услуга',
    waitTime: 'Ожидаемое время ожидания',
    waitRange: 'ок. {min}–{max} мин.',
    ahead: 'Человек перед вами',
    bring: 'Пожалуйста, возьмите с собой',
    appointment: 'Ваша запись',
    statusPage: 'Следите за статусом онлайн',
    copy: 'Копия',
  },
  uk: {
    yourNumber: 'Ваш номер',
    concern: 'Послуга',
    waitTime: 'Очікуваний час очікування',
    waitRange: 'бл. {min}–{max} хв.',
    ahead: 'Людей перед вами',
    bring: 'Будь ласка, візьміть із собою',
    appointment: 'Ваш запис',
    statusPage: 'Стежте за статусом онлайн',
    copy: 'Копія',
  },
} satisfies Record<Language, Catalogue>;

/** A label in the given language, with {placeholders} filled. */
export function label(
  language: Language,
  key: LabelKey,
  params: Record<string, string | number> = {},
): string {
  const template: string = LABELS[language][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
}
