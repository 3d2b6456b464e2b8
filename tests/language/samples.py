"""Short articles written for these tests (not copied from anywhere)."""

PORTUGUESE = (
    "Governo anuncia novo plano para as escolas\n\n"
    "O ministro da Educação, João Ferreira, disse na terça-feira em Lisboa que o governo vai investir "
    'mais dinheiro nas escolas públicas no próximo ano. "Obrigado a todos os professores, é muito importante '
    'preparar as crianças para o futuro", afirmou o ministro durante uma visita a uma escola no Porto.\n\n'
    "Segundo o Ministério, o plano inclui novos computadores, mais professores e obras em duzentas escolas. "
    "Os sindicatos disseram que a medida chega tarde, mas que é um primeiro passo. A oposição pediu mais "
    "detalhes sobre o custo do programa e sobre o calendário das obras."
)

GERMAN = (
    "Die Regierung will die Steuer auf Flugtickets erhöhen. Der Finanzminister sagte am Dienstag in Berlin, "
    "das Geld solle in den Ausbau der Bahn fließen. Kritik kam von den Fluggesellschaften, die vor höheren "
    "Preisen warnten. Die Opposition nannte den Plan einen ersten Schritt, forderte aber mehr Tempo beim "
    "Klimaschutz. Der Bundestag soll im Herbst über das Gesetz abstimmen."
)

ENGLISH = (
    "The foreign minister, Sergey Lavrov, said on Tuesday in Moscow that the talks would continue next week. "
    "Officials in Washington told reporters that they had not been informed of any change of plan. "
    "According to the ministry, the delegations will meet in Geneva."
)


def html_page(body: str, *, lang: str | None = None, title: str = "A story", head: str = "") -> str:
    paragraphs = "".join(f"<p>{paragraph}</p>" for paragraph in body.split("\n\n"))
    lang_attribute = f' lang="{lang}"' if lang else ""
    return (
        f"<html{lang_attribute}><head><title>{title}</title>{head}</head>"
        f"<body><article><h1>{title}</h1>{paragraphs}</article></body></html>"
    )
