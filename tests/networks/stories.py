"""Two stories in English and in Russian (the same names, numbers and links), and an unrelated German one."""

from __future__ import annotations

ENGLISH = [
    "Foreign Minister Sergey Lavrov said on Wednesday that the coalition had killed 1,200 civilians near Raqqa "
    "since 2016, citing figures that Maria Zakharova published at www.mid.ru/foreign_policy/news. Lavrov also "
    "met Rex Tillerson in Moscow, where 347 delegates had gathered, and spoke about Sergei Shoigu and the 4,500 "
    "troops that remain in the region. The ministry said the talks would continue in Geneva on 14 July.",
    "Gazprom said its exports to Turkey rose to 23,400 million cubic metres, according to Alexei Miller, who "
    "spoke in Ankara alongside Recep Erdogan. The TurkStream pipeline carried 15,750 million cubic metres, the "
    "company wrote at www.gazprom.com/press/news, and Miller expected 31,500 by 2025. Analysts at Sberbank "
    "questioned the forecast, pointing to 8,650 kilometres of pipeline still under repair.",
]
RUSSIAN = [
    "Министр иностранных дел Сергей Лавров заявил в среду, что коалиция убила 1 200 мирных жителей под Раккой "
    "с 2016 года, ссылаясь на данные, которые Мария Захарова опубликовала на www.mid.ru/foreign_policy/news. "
    "Лавров также встретился с Рексом Тиллерсоном в Москве, где собрались 347 делегатов, и говорил о Сергее "
    "Шойгу и 4 500 военных, которые остаются в регионе. В министерстве сказали, что переговоры продолжатся в "
    "Женеве 14 июля.",
    "Газпром сообщил, что экспорт в Турцию вырос до 23 400 миллионов кубометров, по словам Алексея Миллера, "
    "который выступил в Анкаре вместе с Реджепом Эрдоганом. По газопроводу ТуркСтрим прошло 15 750 миллионов "
    "кубометров, написала компания на www.gazprom.com/press/news, и Миллер ожидает 31 500 к 2025 году. "
    "Аналитики Сбербанка усомнились в прогнозе, указав на 8 650 километров трубопровода, которые ещё в ремонте.",
]
GERMAN = [
    "Die Bundesregierung in Berlin hat am Montag beschlossen, 2,3 Milliarden Euro für Schulen auszugeben. "
    "Bundeskanzler Olaf Scholz sagte, seit 2016 seien 900 Schulen renoviert worden, und Finanzminister "
    "Christian Lindner stimmte zu. Die Länder sollen bis 2025 weitere 1.200 Schulen melden, die Hilfe brauchen; "
    "die Opposition in Moskau und Berlin kritisierte den Plan als zu klein.",
    "In Hamburg haben am Dienstag 4.500 Menschen für bessere Radwege demonstriert. Die Polizei zählte 347 "
    "Fahrräder am Rathaus, und Bürgermeister Peter Tschentscher versprach 14 neue Routen bis Juli. Der ADFC "
    "schrieb auf www.adfc.de/presse, die Stadt habe seit 2016 nur 23 Kilometer gebaut.",
]
