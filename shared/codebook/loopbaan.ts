import type { CodebookTemplate, TemplateCode } from './template-types'

/*
 * The framework of the seed study (documentenstudie 'Integreren van leren in school en
 * praktijk') as a codebook template. Definitions keep the seed's own wording; where the seed
 * says little (e.g. what 'passief verzet' looks like), inclusion and exclusion criteria spell
 * out indicators so that two coders can apply the code the same way.
 *
 * Colours: one hue family per group, so a page of highlights shows at a glance which part of
 * the framework a passage touches; the phases run from light to dark because they are ordered.
 * All are mid-tone so that at ~35% opacity over white they stay visible and black text on them
 * stays readable.
 */

const fase: TemplateCode[] = [
  {
    key: 'fase',
    parentKey: null,
    name: { nl: 'Fase van samenwerking', en: 'Phase of school–company cooperation' },
    colour: '#4F7CB8',
    definition: {
      nl: 'De mate waarin school en bedrijf samen verantwoordelijk zijn voor de opleiding van de leerling. De ontwikkeling van een verdeelde naar een gedeelde verantwoordelijkheid kent verschillende – en opeenvolgende – fasen: eerst ‘samen begeleiden’, daarna ‘samen ontwerpen’ en pas op den duur wellicht ‘samen innoveren’.',
      en: 'The extent to which school and company are jointly responsible for the student’s education. The move from divided to shared responsibility passes through different – and successive – phases: first ‘joint supervision’, then ‘joint design’, and only in the longer run, perhaps, ‘joint innovation’.',
    },
    inclusion: {
      nl: 'Gebruik de subcode van de fase waarvan de passage getuigt. De bovenliggende code alleen voor passages over de samenwerking tussen school en bedrijf in het algemeen, waarin geen fase te herkennen is.',
      en: 'Use the subcode of the phase the passage gives evidence of. Use the parent code only for passages about school–company cooperation in general in which no phase can be recognised.',
    },
    exclusion: {
      nl: 'Niet voor samenwerking binnen de school (tussen docenten of met het management): zie Werkzame bestanddelen. Het oordeel over de fase van een project als geheel hoort daarnaast als attribuut bij de casus.',
      en: 'Not for cooperation within the school (among teachers or with management): see Working ingredients. The judgement of a project’s phase as a whole also belongs with the case, as an attribute.',
    },
    example: {
      nl: 'In het eerste projectjaar hebben het ROC en de drie deelnemende installatiebedrijven vooral verkend wat zij van elkaar verwachten. Pas in het tweede jaar is gesproken over een gezamenlijke rol in de opleiding van de studenten.',
      en: 'In the first year of the project the ROC and the three participating installation companies mainly explored what they expected of each other. Only in the second year did they discuss a shared role in educating the students.',
    },
  },
  {
    key: 'fase-0',
    parentKey: 'fase',
    name: { nl: 'Fase 0 – verdeelde verantwoordelijkheid', en: 'Phase 0 – divided responsibility' },
    colour: '#8EC1EE',
    definition: {
      nl: 'School en bedrijf werken samen in het kader van de BPV zonder dat zij hierover inhoudelijke en procedurele afspraken maken (‘verdeelde verantwoordelijkheid’). De volledige verantwoordelijkheid voor de inhoud, de vorm en de beoordeling van het leerproces ligt bij de school; de bedrijven stellen slechts stageplaatsen ter beschikking.',
      en: 'School and company cooperate in the context of work placement (BPV) without making substantive or procedural agreements about it (‘divided responsibility’). Full responsibility for the content, form and assessment of the learning process lies with the school; the companies merely provide placements.',
    },
    inclusion: {
      nl: 'Het bedrijf levert alleen stageplaatsen; de school bepaalt alleen inhoud, vorm en beoordeling; er zijn geen afspraken over taken of begeleiding; het contact beperkt zich tot plaatsing, formulieren en een eindbeoordeling. Ook wanneer een project wel samen opdrachten ontwikkelt, maar de verantwoordelijkheid in de praktijk verdeeld blijft.',
      en: 'The company only provides placements; the school alone decides on content, form and assessment; there are no agreements on tasks or supervision; contact is limited to placement, forms and a final assessment. Also where a project does develop assignments jointly but responsibility in practice remains divided.',
    },
    exclusion: {
      nl: 'Niet als er concrete afspraken zijn over ieders taken of over de begeleiding van leerlingen: dan Fase 1 of hoger. Niet voor een losse klacht over een stagebedrijf waarin de verdeling van verantwoordelijkheid niet ter sprake komt.',
      en: 'Not when there are concrete agreements on each party’s tasks or on supervising students: then Phase 1 or higher. Not for a single complaint about a placement company in which the division of responsibility is not at issue.',
    },
    example: {
      nl: 'De bedrijven bieden stageplaatsen aan, maar over de inhoud van de stage en de begeleiding zijn geen afspraken gemaakt. De beoordeling ligt volledig bij de stagedocent van de school; het bedrijf vult aan het eind alleen een formulier in.',
      en: 'The companies offer placements, but no agreements have been made about the content of the placement or the supervision. Assessment lies entirely with the school’s placement tutor; at the end the company only fills in a form.',
    },
  },
  {
    key: 'fase-1',
    parentKey: 'fase',
    name: { nl: 'Fase 1 – samen begeleiden', en: 'Phase 1 – joint supervision' },
    colour: '#5A9BD8',
    definition: {
      nl: 'School en bedrijf maken afspraken over ieders taken bij een stage of project van een leerling (BPV), bijvoorbeeld over de begeleiding van de leerling (‘samen begeleiden’): concrete afspraken over de concrete begeleiding van concrete leerlingen. Volgens de studie de eerste stap die gezet moet worden, een ‘trage start’ die essentieel is om de actielogica’s van school en bedrijf op elkaar af te stemmen.',
      en: 'School and company make agreements on each party’s tasks in a student’s placement or project (BPV), for instance on supervising the student (‘joint supervision’): concrete agreements on the concrete supervision of concrete students. According to the study this is the first step to be taken, a ‘slow start’ that is essential for attuning the action logics of school and company to each other.',
    },
    inclusion: {
      nl: 'Afspraken over wie de leerling begeleidt, hoe vaak en waarover; gezamenlijke gesprekken van leerling, docent en praktijkbegeleider (driehoeksgesprekken); op elkaar afgestemde rollen van stagedocent en praktijkopleider; samen beoordelen van de stage.',
      en: 'Agreements on who supervises the student, how often and on what; joint conversations between student, teacher and workplace supervisor (three-way meetings); attuned roles of placement tutor and workplace trainer; assessing the placement together.',
    },
    exclusion: {
      nl: 'Niet als alleen plaatsing en formulieren geregeld worden (Fase 0). Niet als school en bedrijf samen leerarrangementen of opdrachten ontwerpen (Fase 2). Niet voor een voornemen tot samen begeleiden dat niet is uitgevoerd: codeer de feitelijke praktijk.',
      en: 'Not when only placement and forms are arranged (Phase 0). Not when school and company jointly design learning arrangements or assignments (Phase 2). Not for an intention to supervise jointly that was not carried out: code actual practice.',
    },
    example: {
      nl: 'Bij de start van de BPV is voor elke student vastgelegd wie op school en wie in het bedrijf aanspreekpunt is. Stagedocent en praktijkopleider voeren elke zes weken samen met de student een voortgangsgesprek.',
      en: 'At the start of the placement it was laid down for each student who is the contact person at school and who at the company. Every six weeks the placement tutor and the workplace trainer hold a progress meeting together with the student.',
    },
  },
  {
    key: 'fase-2',
    parentKey: 'fase',
    name: { nl: 'Fase 2 – samen ontwerpen', en: 'Phase 2 – joint design' },
    colour: '#2A6BB5',
    definition: {
      nl: 'School en bedrijf ontwerpen samen leerarrangementen, bijvoorbeeld een binnen- of buitenschools project voor leerlingen (‘samen ontwerpen’): concrete leersituaties waarin leerlingen in een levensechte dan wel gesimuleerde leeromgeving aan de slag gaan met levensechte problemen. Volgens de studie pas mogelijk als er sprake is van een gedeelde verantwoordelijkheid wat betreft de begeleiding.',
      en: 'School and company jointly design learning arrangements, for instance an in-school or out-of-school project for students (‘joint design’): concrete learning situations in which students tackle real-life problems in a real-life or simulated learning environment. According to the study this is possible only once responsibility for supervision is shared.',
    },
    inclusion: {
      nl: 'Samen ontwikkelde praktijkopdrachten, simulaties, projecten of leerarrangementen, binnen of buiten de school; bedrijven die meebepalen wat en hoe er geleerd wordt; ontwikkelteams van docenten en praktijkmensen.',
      en: 'Jointly developed practical assignments, simulations, projects or learning arrangements, inside or outside school; companies helping to decide what is learned and how; development teams of teachers and practitioners.',
    },
    exclusion: {
      nl: 'Niet voor afspraken die alleen de begeleiding betreffen (Fase 1). Niet voor een gezamenlijke intentie om onderwijs en branche te vernieuwen (Fase 3). Wordt er samen ontwikkeld zonder dat er samen begeleid wordt, noteer dat in een memo: volgens de studie blijft dat meestal steken in een verdeelde verantwoordelijkheid.',
      en: 'Not for agreements that concern supervision only (Phase 1). Not for a shared intention to renew education and the sector (Phase 3). Where design is joint but supervision is not, note this in a memo: according to the study such cooperation usually stalls in divided responsibility.',
    },
    example: {
      nl: 'Docenten en praktijkopleiders van twee zorginstellingen hebben samen vier praktijkopdrachten ontwikkeld, die de studenten in het skillslab van de school uitvoeren met casussen uit de instellingen.',
      en: 'Teachers and workplace trainers from two care institutions jointly developed four practical assignments, which students carry out in the school’s skills lab using cases from the institutions.',
    },
  },
  {
    key: 'fase-3',
    parentKey: 'fase',
    name: { nl: 'Fase 3 – samen innoveren', en: 'Phase 3 – joint innovation' },
    colour: '#16407A',
    definition: {
      nl: 'School en bedrijf spreken de intentie uit om samen verantwoordelijkheid te dragen voor de innovatie van het onderwijs en van de branche met intensieve onderlinge kennisuitwisseling (‘samen innoveren’). Volgens de studie kan hier pas sprake van zijn als er sprake is van ‘samen ontwerpen’, en dan nog wellicht en op den duur.',
      en: 'School and company state their intention to bear joint responsibility for innovating education and the sector, with intensive mutual exchange of knowledge (‘joint innovation’). According to the study this can only come about once there is ‘joint design’, and even then perhaps only in the longer run.',
    },
    inclusion: {
      nl: 'Een uitgesproken gezamenlijke intentie of overeenkomst om zowel het onderwijs als de branche te vernieuwen; structurele, wederzijdse kennisuitwisseling tussen school en bedrijven; een gezamenlijke innovatieagenda.',
      en: 'A stated joint intention or agreement to renew both education and the sector; structural, two-way exchange of knowledge between school and companies; a shared innovation agenda.',
    },
    exclusion: {
      nl: 'Niet voor vernieuwingsambities van alleen de school, bijvoorbeeld in een projectaanvraag, zonder gedeelde intentie met bedrijven. Niet voor het samen ontwerpen van afzonderlijke leerarrangementen (Fase 2).',
      en: 'Not for innovation ambitions of the school alone, for instance in a grant application, without an intention shared with companies. Not for jointly designing individual learning arrangements (Phase 2).',
    },
    example: {
      nl: 'In het convenant spreken het ROC en de regionale bouwbedrijven uit dat zij samen verantwoordelijk zijn voor de vernieuwing van de opleidingen en van de sector. Docenten en vakmensen werken wekelijks samen in het innovatiecentrum en delen daar nieuwe kennis over duurzaam bouwen.',
      en: 'In the covenant the ROC and the regional construction firms state that they are jointly responsible for renewing the programmes and the sector. Teachers and tradespeople work together weekly in the innovation centre, where they share new knowledge about sustainable building.',
    },
  },
]

const leeromgeving: TemplateCode[] = [
  {
    key: 'leeromgeving',
    parentKey: null,
    name: { nl: 'Krachtige loopbaangerichte leeromgeving', en: 'Powerful career-oriented learning environment' },
    colour: '#2E9E5B',
    definition: {
      nl: 'Een omgeving waarin jongeren de kans krijgen effectief te (leren) reflecteren op hun loopbaan (Kuijpers, Meijers & Gundy, 2011; Kuijpers & Meijers, 2012). Zo’n leeromgeving voldoet aan drie voorwaarden: hij is praktijkgericht, dialogisch en vraaggericht. Volgens de studie alleen te realiseren wanneer school en bedrijf samen verantwoordelijk zijn voor de opleiding van de leerling.',
      en: 'An environment in which young people get the chance to (learn to) reflect effectively on their careers (Kuijpers, Meijers & Gundy, 2011; Kuijpers & Meijers, 2012). Such a learning environment meets three conditions: it is practice-based, dialogical and demand-driven. According to the study it can only be realised when school and company are jointly responsible for the student’s education.',
    },
    inclusion: {
      nl: 'Passages over de leeromgeving als geheel, of over reflectie op de loopbaan die niet aan één voorwaarde toe te wijzen is. Gebruik waar mogelijk de subcodes.',
      en: 'Passages about the learning environment as a whole, or about career reflection that cannot be assigned to one condition. Use the subcodes wherever possible.',
    },
    exclusion: {
      nl: 'Niet voor vak- of competentiegericht leren zonder verband met reflectie op de loopbaan. Niet voor de organisatie van de samenwerking zelf (Fase van samenwerking). Wordt een kenmerk als reden van slagen of mislukken genoemd, dan ook Werkzame bestanddelen.',
      en: 'Not for subject- or competence-oriented learning unrelated to career reflection. Not for how the cooperation itself is organised (Phase of school–company cooperation). Where a feature is named as a reason for success or failure, also use Working ingredients.',
    },
    example: {
      nl: 'Het project wilde een leeromgeving creëren waarin studenten niet alleen vaardigheden oefenen, maar ook leren nadenken over wat voor werk bij hen past.',
      en: 'The project aimed to create a learning environment in which students not only practise skills but also learn to reflect on what kind of work suits them.',
    },
  },
  {
    key: 'leeromgeving-praktijkgericht',
    parentKey: 'leeromgeving',
    name: { nl: 'Praktijkgericht', en: 'Practice-based' },
    colour: '#6CC070',
    definition: {
      nl: 'Hij is praktijkgericht: leerlingen moeten in staat worden gesteld levensechte ervaringen met werk en werken op te doen (bijvoorbeeld via stages).',
      en: 'It is practice-based: students must be enabled to gain real-life experiences of work and working (for instance through placements).',
    },
    inclusion: {
      nl: 'Stages en BPV, werkplekleren, levensechte opdrachten, simulaties en praktijkprojecten waarin leerlingen werk ervaren; meeloopdagen en bedrijfsbezoeken; ook het ontbreken van zulke ervaringen.',
      en: 'Placements and BPV, workplace learning, real-life assignments, simulations and practical projects in which students experience work; job-shadowing days and company visits; also the absence of such experiences.',
    },
    exclusion: {
      nl: 'Niet voor het gesprek over de zin en betekenis van die ervaringen (Dialogisch). Niet voor lessen over beroepen zonder eigen ervaring met werk.',
      en: 'Not for the conversation about the meaning and significance of those experiences (Dialogical). Not for lessons about occupations without any first-hand experience of work.',
    },
    example: {
      nl: 'Eerstejaars lopen vanaf week drie één dag per week mee in een hotel of restaurant uit de regio, zodat zij vanaf het begin ervaren hoe het werk in de praktijk verloopt.',
      en: 'From week three, first-year students spend one day a week in a hotel or restaurant in the region, so that from the start they experience what the work is like in practice.',
    },
  },
  {
    key: 'leeromgeving-dialogisch',
    parentKey: 'leeromgeving',
    name: { nl: 'Dialogisch', en: 'Dialogical' },
    colour: '#1FA38A',
    definition: {
      nl: 'Hij is dialogisch: leerlingen moeten in staat worden gesteld met docenten en/of andere relevante personen te spreken over de persoonlijke zin en de maatschappelijke betekenis van hun ervaringen met werk en werken.',
      en: 'It is dialogical: students must be enabled to talk with teachers and/or other relevant people about the personal meaning and the social significance of their experiences of work and working.',
    },
    inclusion: {
      nl: 'Loopbaan- en reflectiegesprekken over stage-ervaringen; gesprekken met praktijkbegeleiders of mentoren over wat de leerling heeft meegemaakt en wat dat voor hem of haar betekent. Ook passages die melden dat zo’n gesprek ontbreekt: de studie stelt dat in begeleidingsgesprekken nauwelijks over de loopbaan wordt gesproken.',
      en: 'Career and reflection conversations about placement experiences; conversations with workplace supervisors or mentors about what the student went through and what it means to him or her. Also passages reporting that such a conversation is missing: the study finds that career is hardly ever discussed in supervision meetings.',
    },
    exclusion: {
      nl: 'Niet voor begeleidingsgesprekken die alleen over voortgang, cijfers of verzuim gaan. Niet voor dialoog tussen docenten, managers of school en bedrijf (Werkzame bestanddelen 5).',
      en: 'Not for supervision meetings that are only about progress, marks or absence. Not for dialogue among teachers, managers, or school and company (Working ingredient 5).',
    },
    example: {
      nl: 'In de loopbaangesprekken na de stage vraagt de mentor niet alleen hoe het ging, maar ook wat de student van zijn ervaringen vond en wat die zeggen over het werk dat hij later wil doen.',
      en: 'In the career conversations after the placement the mentor asks not only how it went, but also what the student made of his experiences and what they say about the work he wants to do later.',
    },
  },
  {
    key: 'leeromgeving-vraaggericht',
    parentKey: 'leeromgeving',
    name: { nl: 'Vraaggericht', en: 'Demand-driven' },
    colour: '#2E7D32',
    definition: {
      nl: 'Hij is vraaggericht: leerlingen moeten invloed kunnen uitoefenen op hun eigen studieloopbaan doordat hen reële keuzemogelijkheden worden geboden.',
      en: 'It is demand-driven: students must be able to influence their own course of study because they are offered real choices.',
    },
    inclusion: {
      nl: 'Keuzedelen, keuze van stageplek of opdracht, eigen leerroutes, tempo of volgorde die de leerling zelf bepaalt, medezeggenschap over het eigen leerproces; ook het ontbreken van reële keuzes.',
      en: 'Elective modules, choice of placement or assignment, individual learning pathways, pace or order set by the student, a say in one’s own learning process; also the absence of real choices.',
    },
    exclusion: {
      nl: 'Niet voor een keuze die alleen op papier bestaat, tenzij het rapport juist dat tekort bespreekt. Niet voor flexibilisering als organisatievraag zonder invloed van de leerling. Wordt vraaggericht onderwijs als voorwaarde voor succes genoemd, dan ook Werkzame bestanddelen 7 of 9.',
      en: 'Not for a choice that exists on paper only, unless the report discusses precisely that shortcoming. Not for flexibility as an organisational matter that gives the student no influence. Where demand-driven education is named as a condition for success, also use Working ingredient 7 or 9.',
    },
    example: {
      nl: 'In het tweede leerjaar kiezen studenten zelf twee keuzedelen en bepalen zij in overleg met hun mentor bij welk type bedrijf zij stage lopen.',
      en: 'In the second year students choose two elective modules themselves and, in consultation with their mentor, decide at which type of company they do their placement.',
    },
  },
]

const verzet: TemplateCode[] = [
  {
    key: 'verzet',
    parentKey: null,
    name: { nl: 'Verzet tegen cultuurverandering', en: 'Resistance to culture change' },
    colour: '#C62828',
    definition: {
      nl: 'Actief en passief verzet tegen verandering. Het realiseren van gedeelde verantwoordelijkheid vraagt een identiteitsverandering bij alle betrokkenen. Praktijkgestuurd en dialogisch onderwijs, waarin studenten medezeggenschap hebben over hun eigen leerproces, betekent een breuk met de bestaande professionele identiteit van docenten en roept dus veel onzekerheid en weerstand op.',
      en: 'Active and passive resistance to change. Achieving shared responsibility requires a change of identity in everyone involved. Practice-driven and dialogical education, in which students have a say in their own learning process, means a break with teachers’ existing professional identity and therefore arouses much uncertainty and resistance.',
    },
    inclusion: {
      nl: 'Weerstand, onwil of onzekerheid tegenover de vernieuwing. De subcodes hebben twee dimensies: de vorm (actief, passief) en wie zich verzet (docenten, middenmanagement). Ken waar de tekst het toelaat één van elk toe; de bovenliggende code alleen als vorm en actor onduidelijk zijn, of voor verzet van anderen (met een memo).',
      en: 'Resistance, unwillingness or uncertainty towards the innovation. The subcodes have two dimensions: the form (active, passive) and who resists (teachers, middle management). Where the text allows, assign one of each; use the parent code only when form and actor are unclear, or for resistance by others (with a memo).',
    },
    exclusion: {
      nl: 'Niet voor praktische belemmeringen zonder weerstand, zoals roosterproblemen, geldgebrek of ziekte. Niet voor het ontbreken van visie of sturing bij de schoolleiding (Gebrek aan leiderschap).',
      en: 'Not for practical obstacles without resistance, such as timetabling problems, lack of money or illness. Not for a lack of vision or direction from school leadership (Leadership gap).',
    },
    example: {
      nl: 'De vernieuwing riep bij een deel van het team veel onzekerheid op: ‘We weten hoe we goed onderwijs geven, waarom moet dat nu ineens anders?’',
      en: 'The innovation caused a great deal of uncertainty in part of the team: ‘We know how to teach well, so why does that suddenly have to change?’',
    },
  },
  {
    key: 'verzet-actief',
    parentKey: 'verzet',
    name: { nl: 'Actief verzet', en: 'Active resistance' },
    colour: '#EF5350',
    definition: {
      nl: 'Actief verzet tegen verandering: weerstand die openlijk wordt geuit of tot zichtbaar handelen tegen de vernieuwing leidt.',
      en: 'Active resistance to change: resistance that is openly voiced or leads to visible action against the innovation.',
    },
    inclusion: {
      nl: 'Openlijke bezwaren of kritiek op de vernieuwing zelf, weigeren mee te doen, protest in vergaderingen, de medezeggenschap of ondernemingsraad inschakelen.',
      en: 'Open objections to or criticism of the innovation itself, refusing to take part, protest in meetings, calling in the participation council or works council.',
    },
    exclusion: {
      nl: 'Niet voor zwijgend niet-meedoen of vertragen (Passief verzet). Niet voor inhoudelijke kritiek op de uitwerking die de vernieuwing zelf niet afwijst.',
      en: 'Not for silent non-participation or delay (Passive resistance). Not for substantive criticism of the implementation that does not reject the innovation itself.',
    },
    example: {
      nl: 'Tijdens de teamvergadering gaven meerdere docenten aan dat zij niet wilden meewerken aan het nieuwe coachingsmodel; twee van hen hebben de ondernemingsraad om een standpunt gevraagd.',
      en: 'During the team meeting several teachers said they were not willing to take part in the new coaching model; two of them asked the works council to take a position.',
    },
  },
  {
    key: 'verzet-passief',
    parentKey: 'verzet',
    name: { nl: 'Passief verzet', en: 'Passive resistance' },
    colour: '#F4978E',
    definition: {
      nl: 'Passief verzet tegen verandering: weerstand die niet openlijk wordt geuit maar blijkt uit niet-doen. Volgens de studie wordt het verzet van docenten zichtbaar in een zeer trage start van projecten en in het niet halen en vaak tussentijds aanpassen van doelstellingen.',
      en: 'Passive resistance to change: resistance that is not voiced openly but shows in not acting. According to the study, teachers’ resistance becomes visible in a very slow start of projects and in objectives not being met and often being adjusted along the way.',
    },
    inclusion: {
      nl: 'Afspraken niet nakomen, bijeenkomsten niet bezoeken, afwachten, formeel instemmen maar niets veranderen; een zeer trage start; doelen die niet gehaald of tussentijds bijgesteld worden omdat betrokkenen niet meebewegen.',
      en: 'Not keeping agreements, staying away from meetings, waiting and seeing, formally agreeing but changing nothing; a very slow start; goals not met or adjusted midway because those involved do not go along.',
    },
    exclusion: {
      nl: 'Niet voor openlijk bezwaar (Actief verzet). Niet voor vertraging door oorzaken buiten de betrokkenen, zoals financiering of personeelsverloop. Niet voor doelen die de projectgroep zelf al vooraf afzwakt (Water bij de wijn: verwaterde doelen).',
      en: 'Not for open objection (Active resistance). Not for delays caused by factors outside those involved, such as funding or staff turnover. Not for goals the project group itself weakens in advance (Watered-down goals).',
    },
    example: {
      nl: 'De afgesproken intervisiebijeenkomsten werden slecht bezocht en de nieuwe reflectieopdrachten bleven in de meeste klassen liggen. Het doel om alle studenten een loopbaandossier te laten bijhouden, is halverwege het project losgelaten.',
      en: 'The agreed peer-consultation meetings were poorly attended and the new reflection assignments were left untouched in most classes. Halfway through the project the aim of having every student keep a career portfolio was dropped.',
    },
  },
  {
    key: 'verzet-docenten',
    parentKey: 'verzet',
    name: { nl: 'Verzet door docenten', en: 'Resistance by teachers' },
    colour: '#D81B60',
    definition: {
      nl: 'Verzet tegen verandering van de zijde der docenten, die meteen aanvoelen dat zij uit hun comfortzone worden geduwd. Hun leerwensen hebben bijna altijd betrekking op het verbeteren van het ‘traditionele’ onderwijs; het verzet is volgens de studie overigens niet alleen de docenten aan te rekenen.',
      en: 'Resistance to change on the part of teachers, who sense at once that they are being pushed out of their comfort zone. Their learning wishes almost always concern improving ‘traditional’ education; according to the study, however, the resistance cannot be blamed on teachers alone.',
    },
    inclusion: {
      nl: 'Weerstand van docenten, instructeurs of onderwijsteams; vasthouden aan het bestaande onderwijs; onzekerheid over de eigen rol en professionele identiteit.',
      en: 'Resistance by teachers, instructors or teaching teams; holding on to existing education; uncertainty about their own role and professional identity.',
    },
    exclusion: {
      nl: 'Niet voor weerstand van teamleiders of opleidingsmanagers (Verzet door middenmanagement). Niet voor praktijkbegeleiders in bedrijven (bovenliggende code, met een memo).',
      en: 'Not for resistance by team leaders or programme managers (Resistance by middle management). Not for workplace supervisors in companies (parent code, with a memo).',
    },
    example: {
      nl: 'Veel docenten zien zichzelf in de eerste plaats als vakexpert. Dat zij ook loopbaangesprekken moeten voeren, ervaren zij als iets dat buiten hun vak valt.',
      en: 'Many teachers see themselves first and foremost as subject experts. Being expected to hold career conversations as well feels to them like something outside their profession.',
    },
  },
  {
    key: 'verzet-middenmanagement',
    parentKey: 'verzet',
    name: { nl: 'Verzet door middenmanagement', en: 'Resistance by middle management' },
    colour: '#A0401F',
    definition: {
      nl: 'Weerstand van het middenmanagement wanneer de plannen van de projectgroep moeten worden ingevoerd. Het middenmanagement weet dat het primair wordt afgerekend op ‘accountability’ en weet zich derhalve niet gesteund wanneer het ruimte wil creëren voor innovatieve praktijken.',
      en: 'Resistance by middle management when the project group’s plans are to be implemented. Middle management knows it is judged primarily on ‘accountability’ and therefore does not feel supported when it wants to make room for innovative practices.',
    },
    inclusion: {
      nl: 'Teamleiders, afdelings- of opleidingsmanagers die plannen afremmen, geen uren of ruimte vrijmaken, of voorrang geven aan rendement, roosters en inspectie-eisen boven de vernieuwing.',
      en: 'Team leaders, department or programme managers who slow plans down, free up no hours or room, or put completion rates, timetables and inspection requirements before the innovation.',
    },
    exclusion: {
      nl: 'Niet voor de verantwoordingsdruk als oorzaak op zich (Afrekening op accountability); beide codes samen als de passage het verzet én de oorzaak beschrijft. Niet voor het hogere management (Gebrek aan leiderschap).',
      en: 'Not for accountability pressure as a cause in itself (Accountability pressure); use both codes when the passage describes the resistance and its cause. Not for senior management (Leadership gap).',
    },
    example: {
      nl: 'De teamleiders steunden de plannen in woorden, maar maakten geen uren vrij voor de ontwikkelgroepen: ‘Het rendement van de opleiding staat onder druk; daar worden wij op aangesproken.’',
      en: 'The team leaders supported the plans in words, but freed up no hours for the development groups: ‘The programme’s completion rates are under pressure; that is what we are held to account for.’',
    },
  },
]

const leiderschap: TemplateCode[] = [
  {
    key: 'leiderschap',
    parentKey: null,
    name: { nl: 'Gebrek aan leiderschap', en: 'Leadership gap' },
    colour: '#E67E22',
    definition: {
      nl: 'Een gebrek aan leiderschap bij de schoolleiding, die voor het verzet een minstens even grote verantwoordelijkheid draagt als de docenten. Het beeld uit de studie: het hogere management wil vaak weinig doordachte innovatieve ideeën realiseren met geld dat voor innovatie beschikbaar wordt gesteld, zonder een heldere visie die de uitvoering steunt.',
      en: 'A lack of leadership in school management, which bears at least as much responsibility for the resistance as the teachers do. The picture from the study: senior management often wants to realise ill-considered innovative ideas with money made available for innovation, without a clear vision to support implementation.',
    },
    inclusion: {
      nl: 'Ontbrekende visie, sturing of steun van de schoolleiding die niet onder een subcode valt. De subcodes volgen de opeenvolgende stappen van het patroon dat de studie beschrijft.',
      en: 'Missing vision, direction or support from school leadership that does not fit a subcode. The subcodes follow the successive steps of the pattern the study describes.',
    },
    exclusion: {
      nl: 'Niet voor het verzet van docenten of middenmanagement zelf (Verzet tegen cultuurverandering). Niet voor een stimulerende rol van teamleiders (Werkzame bestanddelen 2).',
      en: 'Not for the resistance of teachers or middle management itself (Resistance to culture change). Not for an encouraging role of team leaders (Working ingredient 2).',
    },
    example: {
      nl: 'Een duidelijke visie van het college van bestuur op wat het project moest opleveren, ontbrak gedurende de hele looptijd.',
      en: 'Throughout the project there was no clear vision from the executive board of what the project was meant to achieve.',
    },
  },
  {
    key: 'leiderschap-vage-ideeen',
    parentKey: 'leiderschap',
    name: { nl: 'Vage ideeën van het hoger management', en: 'Vague ideas from senior management' },
    colour: '#F5A623',
    definition: {
      nl: 'Het hogere management wil bepaalde – vaak ook weinig doordachte – innovatieve ideeën realiseren met behulp van geld dat voor innovatie beschikbaar wordt gesteld. In de projectgroep wordt dan vaak meteen duidelijk dat de ideeën vaag en dus multi-interpretabel zijn, zodat de projectgroep veel tijd nodig heeft om met iets concreets te komen.',
      en: 'Senior management wants to realise certain – often ill-considered – innovative ideas using money made available for innovation. In the project group it then often becomes clear at once that the ideas are vague and therefore open to many interpretations, so the project group needs a lot of time to come up with anything concrete.',
    },
    inclusion: {
      nl: 'Projectdoelen die iedereen anders uitlegt; een aanvraag die vooral geschreven is om subsidie binnen te halen; onduidelijkheid over wat de vernieuwing inhoudt; lang zoeken naar een concrete uitwerking.',
      en: 'Project goals that everyone interprets differently; an application written mainly to secure funding; unclarity about what the innovation means; a long search for a concrete elaboration.',
    },
    exclusion: {
      nl: 'Niet voor doelen die bewust open zijn gelaten om ze samen met docenten en bedrijven in te vullen (eventueel Werkzame bestanddelen 5). Niet voor het later afzwakken van doelen (Water bij de wijn: verwaterde doelen).',
      en: 'Not for goals deliberately left open so that teachers and companies can fill them in together (possibly Working ingredient 5). Not for weakening goals later on (Watered-down goals).',
    },
    example: {
      nl: 'De projectaanvraag sprak van ‘toekomstgericht en talentgericht leren in de keten’. In de eerste maanden bleek dat iedere betrokkene daar iets anders onder verstond.',
      en: 'The grant application spoke of ‘future-oriented, talent-focused learning across the chain’. In the first months it turned out that everyone involved understood something different by it.',
    },
  },
  {
    key: 'leiderschap-losse-projectgroep',
    parentKey: 'leiderschap',
    name: {
      nl: 'Projectgroep los van middenmanagement en docenten',
      en: 'Project group cut off from middle management and teachers',
    },
    colour: '#FFC857',
    definition: {
      nl: 'Wanneer het geld is binnengehaald, wordt een projectgroep geformeerd die los van het middenmanagement en de docenten de ideeën moet uitwerken en implementeren.',
      en: 'Once the money has been secured, a project group is formed that has to work out and implement the ideas separately from middle management and teachers.',
    },
    inclusion: {
      nl: 'Een projectgroep, kwartiermaker of externe adviseur die plannen maakt zonder teamleiders en docenten erbij te betrekken; een projectorganisatie naast de lijn; docenten die pas bij de invoering van het plan horen.',
      en: 'A project group, pioneer or external consultant drawing up plans without involving team leaders and teachers; a project organisation alongside the line; teachers who first hear of the plan when it is introduced.',
    },
    exclusion: {
      nl: 'Niet voor een projectgroep waarin docenten en praktijkbegeleiders actief participeren (Werkzame bestanddelen 1). Niet voor het achteraf opnieuw uitleggen van de doelen (Doelen opnieuw communiceren i.p.v. stem geven).',
      en: 'Not for a project group in which teachers and workplace supervisors participate actively (Working ingredient 1). Not for explaining the goals again afterwards (Goals re-communicated instead of giving a voice).',
    },
    example: {
      nl: 'De plannen zijn uitgewerkt door een projectgroep van twee beleidsmedewerkers en een externe adviseur. De teams maakten pas bij de presentatie in juni kennis met het nieuwe concept.',
      en: 'The plans were worked out by a project group of two policy officers and an external consultant. The teams first encountered the new concept at the presentation in June.',
    },
  },
  {
    key: 'leiderschap-water-bij-de-wijn',
    parentKey: 'leiderschap',
    name: { nl: 'Water bij de wijn: verwaterde doelen', en: 'Watered-down goals' },
    colour: '#CC5500',
    definition: {
      nl: 'Juist bij gebrek aan op een heldere visie gebaseerde steun van het hogere management doet de projectgroep al meteen ‘water bij de innovatieve wijn’ en neemt zij het ‘haalbare’ tot uitgangspunt. De verwaterde plannen stuiten bij de invoering vervolgens op weerstand.',
      en: 'Precisely for lack of support from senior management based on a clear vision, the project group at once ‘waters down the innovative wine’ and takes what is ‘feasible’ as its starting point. The watered-down plans then meet resistance when they are introduced.',
    },
    inclusion: {
      nl: 'Ambities die vooraf of vroeg in het project worden teruggebracht tot wat haalbaar lijkt; vernieuwende doelen die krimpen tot aanpassingen van het bestaande onderwijs, zonder dat daar weerstand of inspraak aan voorafgaat.',
      en: 'Ambitions scaled back, beforehand or early in the project, to what seems feasible; innovative goals shrinking into adjustments of existing education without prior resistance or consultation.',
    },
    exclusion: {
      nl: 'Niet als de bijstelling volgt uit weerstand bij de invoering (Passief verzet) of uit de latere inspraak van docenten en middenmanagement (Doelen opnieuw communiceren i.p.v. stem geven). Niet voor een onderbouwde heroverweging na een evaluatie.',
      en: 'Not when the adjustment results from resistance during implementation (Passive resistance) or from the later say given to teachers and middle management (Goals re-communicated instead of giving a voice). Not for a well-founded reconsideration after an evaluation.',
    },
    example: {
      nl: 'Om de invoering haalbaar te houden, heeft de projectgroep besloten de loopbaanbegeleiding voorlopig te beperken tot één extra mentoruur per periode binnen het bestaande rooster.',
      en: 'To keep implementation feasible, the project group decided for the time being to limit career guidance to one extra mentor hour per term within the existing timetable.',
    },
  },
  {
    key: 'leiderschap-verantwoordingsdruk',
    parentKey: 'leiderschap',
    name: { nl: 'Afrekening op accountability', en: 'Accountability pressure' },
    colour: '#B8860B',
    definition: {
      nl: 'Het middenmanagement weet dat het primair wordt afgerekend op ‘accountability’ en weet zich derhalve niet gesteund wanneer het ruimte wil creëren voor innovatieve praktijken.',
      en: 'Middle management knows that it is judged primarily on ‘accountability’ and therefore does not feel supported when it wants to make room for innovative practices.',
    },
    inclusion: {
      nl: 'Sturing op rendement, diplomaresultaten, verzuim, inspectie-eisen of urennormen die ruimte voor vernieuwing wegneemt; managers die zich niet gedekt voelen als zij experimenteren.',
      en: 'Steering on completion rates, exam results, absence, inspection requirements or hour norms that takes away room for innovation; managers who feel uncovered if they experiment.',
    },
    exclusion: {
      nl: 'Niet voor de weerstand van het middenmanagement zelf (Verzet door middenmanagement); beide codes samen als de passage het verband legt. Niet voor verantwoording aan de subsidiegever in het projectverslag.',
      en: 'Not for the resistance of middle management itself (Resistance by middle management); use both codes when the passage makes the link. Not for reporting to the funder in the project report.',
    },
    example: {
      nl: 'Opleidingsmanagers gaven aan dat zij worden beoordeeld op diplomarendement en verzuimcijfers. Experimenten met flexibele leerroutes vonden zij daarom te riskant zolang de inspectie meekijkt.',
      en: 'Programme managers said they are judged on graduation rates and absence figures. They therefore considered experiments with flexible learning pathways too risky while the inspectorate was watching.',
    },
  },
  {
    key: 'leiderschap-doelen-herhalen',
    parentKey: 'leiderschap',
    name: {
      nl: 'Doelen opnieuw communiceren i.p.v. stem geven',
      en: 'Goals re-communicated instead of giving a voice',
    },
    colour: '#FF9E5E',
    definition: {
      nl: 'Het hogere management weet vaak niet beter te doen dan opnieuw de projectdoelen te communiceren met zowel het middenmanagement als de docenten. Die gaan echter pas bewegen als zij een daadwerkelijke stem in het geheel krijgen. En omdat een heldere visie van het management nog steeds ontbreekt, betekent deze stem een verdere aanpassing van de doelen en praktijken aan de reeds bestaande praktijk van alledag.',
      en: 'Senior management often can think of nothing better than to communicate the project goals once again to both middle management and teachers. They, however, only start to move once they are given a real voice in the whole. And because management still lacks a clear vision, that voice means the goals and practices are adapted further to existing everyday practice.',
    },
    inclusion: {
      nl: 'Extra voorlichtings- of startbijeenkomsten, nieuwsbrieven of presentaties die de doelen herhalen zonder inspraak; inspraak die pas laat komt en leidt tot aanpassing van de doelen aan de bestaande praktijk.',
      en: 'Extra information or kick-off meetings, newsletters or presentations that repeat the goals without consultation; a say that comes only late and leads to goals being adapted to existing practice.',
    },
    exclusion: {
      nl: 'Niet voor echte dialoog waarin docenten en middenmanagement vanaf het begin meebeslissen (Werkzame bestanddelen 5). Niet voor de eerste bekendmaking van een project.',
      en: 'Not for genuine dialogue in which teachers and middle management share in decisions from the start (Working ingredient 5). Not for the first announcement of a project.',
    },
    example: {
      nl: 'Toen de invoering stokte, organiseerde de directie een tweede informatiebijeenkomst waarin de projectdoelen nogmaals werden toegelicht. Pas toen de teams in het tweede jaar zelf mochten meebepalen, kwam er beweging, maar daarbij werd het concept sterk aangepast aan de bestaande praktijk.',
      en: 'When implementation stalled, management held a second information meeting at which the project goals were explained once more. Only when the teams were given a say in the second year did things start to move, but the concept was then heavily adapted to existing practice.',
    },
  },
]

const bestanddelen: TemplateCode[] = [
  {
    key: 'bestanddelen',
    parentKey: null,
    name: { nl: 'Werkzame bestanddelen', en: 'Working ingredients' },
    colour: '#7B4FB3',
    definition: {
      nl: 'De concrete adviezen die uit de documentenstudie naar voren komen: wat we kunnen leren van projecten in het Nederlandse beroepsonderwijs voor het realiseren van een krachtige, loopbaangerichte leeromgeving op basis van een samenwerking tussen onderwijs en bedrijfsleven op basis van gedeelde verantwoordelijkheid.',
      en: 'The concrete pieces of advice that emerge from the document study: what we can learn from projects in Dutch vocational education about realising a powerful, career-oriented learning environment through cooperation between education and business based on shared responsibility.',
    },
    inclusion: {
      nl: 'Passages waarin een rapport een factor als werkzaam benoemt (les, succesfactor, aanbeveling), of het ontbreken ervan als oorzaak van mislukken; vermeld een ontbreken in een memo. Gebruik de subcode van het advies; de bovenliggende code alleen voor een werkzame factor die onder geen van de negen valt.',
      en: 'Passages in which a report names a factor as working (a lesson, success factor, recommendation), or its absence as a cause of failure; note an absence in a memo. Use the subcode of the advice; use the parent code only for a working factor that fits none of the nine.',
    },
    exclusion: {
      nl: 'Niet voor een beschrijving van de leeromgeving of de samenwerking zonder dat die als reden van slagen of mislukken wordt genoemd: dan Krachtige loopbaangerichte leeromgeving of Fase van samenwerking.',
      en: 'Not for a description of the learning environment or the cooperation that is not named as a reason for success or failure: then Powerful career-oriented learning environment or Phase of school–company cooperation.',
    },
    example: {
      nl: 'Als belangrijkste les noemen de betrokkenen dat de vernieuwing alleen beklijft als docenten en bedrijven er samen eigenaar van zijn.',
      en: 'Those involved name as the main lesson that the innovation only takes root when teachers and companies own it together.',
    },
  },
  {
    key: 'wb-1',
    parentKey: 'bestanddelen',
    name: { nl: '1 Docenten participeren in teamverband', en: '1 Teachers participate as a team' },
    colour: '#9C6ADE',
    definition: {
      nl: 'Onderwijsinnovatie is mogelijk als docenten en begeleiders vanuit de praktijk actief participeren in teamverband.',
      en: 'Educational innovation is possible when teachers and supervisors from the workplace participate actively as a team.',
    },
    inclusion: {
      nl: 'Docenten en praktijkbegeleiders die samen in een team de vernieuwing vormgeven; ontwikkelteams van school en bedrijf, als factor van slagen of (bij ontbreken) mislukken genoemd.',
      en: 'Teachers and workplace supervisors shaping the innovation together as a team; school–company development teams, named as a factor in success or (when missing) failure.',
    },
    exclusion: {
      nl: 'Niet voor individuele trekkers zonder team. Niet voor een projectgroep die los van de docenten werkt (Projectgroep los van middenmanagement en docenten).',
      en: 'Not for individual champions without a team. Not for a project group working separately from the teachers (Project group cut off from middle management and teachers).',
    },
    example: {
      nl: 'Het succes van de pilot is volgens de evaluatie vooral te danken aan het ontwikkelteam, waarin vier docenten en twee praktijkopleiders een jaar lang wekelijks samen aan de nieuwe opzet werkten.',
      en: 'According to the evaluation, the pilot’s success is due above all to the development team, in which four teachers and two workplace trainers worked together on the new design every week for a year.',
    },
  },
  {
    key: 'wb-2',
    parentKey: 'bestanddelen',
    name: { nl: '2 Activerende rol van teamleiders', en: '2 Team leaders who activate and stimulate' },
    colour: '#B794F6',
    definition: {
      nl: 'Een activerende en stimulerende rol van teamleiders is essentieel.',
      en: 'An activating and stimulating role of team leaders is essential.',
    },
    inclusion: {
      nl: 'Teamleiders die docenten aanmoedigen, ruimte maken, het goede voorbeeld geven en de vernieuwing op de agenda houden.',
      en: 'Team leaders who encourage teachers, make room, set an example and keep the innovation on the agenda.',
    },
    exclusion: {
      nl: 'Niet voor teamleiders die afremmen (Verzet door middenmanagement). Niet voor de rol van het hogere management (Gebrek aan leiderschap), of voor het faciliteren van collectief leren (Werkzame bestanddelen 3).',
      en: 'Not for team leaders who hold back (Resistance by middle management). Not for the role of senior management (Leadership gap), or for facilitating collective learning (Working ingredient 3).',
    },
    example: {
      nl: 'De teamleider bezocht de ontwikkelbijeenkomsten, vroeg door op de ervaringen van docenten en zorgde dat de vernieuwing op elke teamvergadering terugkwam.',
      en: 'The team leader attended the development meetings, probed teachers’ experiences and made sure the innovation came back at every team meeting.',
    },
  },
  {
    key: 'wb-3',
    parentKey: 'bestanddelen',
    name: { nl: '3 Uitgaan van leermotieven van docenten', en: '3 Building on teachers’ learning motives' },
    colour: '#5E35B1',
    definition: {
      nl: 'Leidinggevenden moeten uitgaan van de leermotieven en de eigen loopbaan van docenten en op basis daarvan collectieve leerprocessen faciliteren.',
      en: 'Managers must start from teachers’ learning motives and their own careers, and on that basis facilitate collective learning processes.',
    },
    inclusion: {
      nl: 'Professionalisering die aansluit bij wat docenten willen leren en bij hun loopbaan; leerteams, intervisie of leergemeenschappen die leidinggevenden faciliteren met tijd en begeleiding.',
      en: 'Professional development that connects with what teachers want to learn and with their careers; learning teams, peer consultation or learning communities that managers facilitate with time and support.',
    },
    exclusion: {
      nl: 'Niet voor opgelegde scholing die niet aansluit bij leerwensen, en niet voor individuele nascholing zonder collectief leerproces. Let op: volgens de studie richten leerwensen van docenten zich bijna altijd op het verbeteren van het ‘traditionele’ onderwijs; dat is slechts voor een deel een oplossing.',
      en: 'Not for imposed training that ignores learning wishes, nor for individual in-service training without a collective learning process. Note: according to the study, teachers’ learning wishes almost always aim at improving ‘traditional’ education; taking them into account is only part of the solution.',
    },
    example: {
      nl: 'In plaats van een verplichte training koos de leiding voor leerteams, waarin docenten zelf bepaalden wat zij wilden leren over loopbaanbegeleiding; de teamleider zorgde voor tijd en een externe begeleider.',
      en: 'Instead of a compulsory training course, management opted for learning teams in which teachers decided for themselves what they wanted to learn about career guidance; the team leader provided time and an external facilitator.',
    },
  },
  {
    key: 'wb-4',
    parentKey: 'bestanddelen',
    name: { nl: '4 Ruimte voor eigen lespraktijken', en: '4 Room to develop own teaching practice' },
    colour: '#9C27B0',
    definition: {
      nl: 'Docenten moeten de ruimte krijgen om eigen lespraktijken te ontwikkelen in samenwerking met het regionale bedrijfsleven.',
      en: 'Teachers must be given room to develop their own teaching practices in cooperation with regional businesses.',
    },
    inclusion: {
      nl: 'Tijd, uren of mandaat voor docenten om samen met bedrijven uit de regio eigen lessen, opdrachten of projecten te ontwikkelen.',
      en: 'Time, hours or a mandate for teachers to develop their own lessons, assignments or projects together with companies in the region.',
    },
    exclusion: {
      nl: 'Niet voor materiaal dat de school of projectgroep kant-en-klaar aanlevert. Voor het samen ontwerpen als fase van samenwerking: Fase 2 – samen ontwerpen (beide codes samen kan).',
      en: 'Not for ready-made material supplied by the school or the project group. For joint design as a phase of cooperation: Phase 2 – joint design (both codes together is fine).',
    },
    example: {
      nl: 'Docenten kregen twee uur per week om samen met garagebedrijven uit de regio eigen lesmateriaal en opdrachten te ontwikkelen. Dat leverde volgens hen meer op dan het landelijk aangeboden materiaal.',
      en: 'Teachers were given two hours a week to develop their own teaching materials and assignments with garages in the region. In their view this achieved more than the nationally supplied materials.',
    },
  },
  {
    key: 'wb-5',
    parentKey: 'bestanddelen',
    name: { nl: '5 Dialoog in plaats van monoloog', en: '5 Dialogue instead of monologue' },
    colour: '#C27FD6',
    definition: {
      nl: 'Dialoog (in plaats van monoloog) moet op gang gebracht worden tussen docenten, tussen docenten en managers en tussen school en bedrijf.',
      en: 'Dialogue (instead of monologue) must be set in motion among teachers, between teachers and managers, and between school and company.',
    },
    inclusion: {
      nl: 'Overleg in twee richtingen; docenten en managers die samen doelen en werkwijzen bespreken; gesprekken tussen school en bedrijf over wederzijdse verwachtingen.',
      en: 'Two-way consultation; teachers and managers discussing goals and working methods together; conversations between school and company about mutual expectations.',
    },
    exclusion: {
      nl: 'Niet voor communicatie in één richting (Doelen opnieuw communiceren i.p.v. stem geven). Niet voor het gesprek met de leerling over zijn of haar loopbaan (Dialogisch).',
      en: 'Not for one-way communication (Goals re-communicated instead of giving a voice). Not for the conversation with the student about his or her career (Dialogical).',
    },
    example: {
      nl: 'Doorslaggevend was dat er regelmatig overleg kwam waarin docenten, managers en bedrijven elkaar echt bevroegen, in plaats van de eerdere presentaties vanuit de directie.',
      en: 'What made the difference was that regular meetings were held in which teachers, managers and companies genuinely questioned each other, instead of the earlier presentations by management.',
    },
  },
  {
    key: 'wb-6',
    parentKey: 'bestanddelen',
    name: { nl: '6 Duidelijke focus en gemeenschappelijk doel', en: '6 Clear focus and a common goal' },
    colour: '#6A5ACD',
    definition: {
      nl: 'Bij lerend innoveren moet de focus duidelijk zijn en moeten school en bedrijf samen werken aan een gemeenschappelijk doel (dat SMART geformuleerd is).',
      en: 'In innovating through learning, the focus must be clear and school and company must work together towards a common goal (formulated SMART).',
    },
    inclusion: {
      nl: 'Een helder doel dat school en bedrijf delen; doelen die specifiek, meetbaar, acceptabel, realistisch en tijdgebonden zijn geformuleerd; een focus op weinig prioriteiten.',
      en: 'A clear goal shared by school and company; goals formulated as specific, measurable, acceptable, realistic and time-bound; a focus on few priorities.',
    },
    exclusion: {
      nl: 'Niet voor doelen van de school alleen. Niet voor vage of multi-interpretabele doelen (Vage ideeën van het hoger management).',
      en: 'Not for goals of the school alone. Not for vague goals open to many interpretations (Vague ideas from senior management).',
    },
    example: {
      nl: 'School en bedrijven spraken af dat over twee jaar 80 procent van de studenten ten minste één driehoeksgesprek heeft gehad. Dat concrete doel hield het project volgens de projectleider op koers.',
      en: 'School and companies agreed that within two years 80 per cent of students would have had at least one three-way meeting. According to the project leader, that concrete goal kept the project on course.',
    },
  },
  {
    key: 'wb-7',
    parentKey: 'bestanddelen',
    name: { nl: '7 Flexibel en vraaggericht onderwijs', en: '7 Flexible, demand-driven education' },
    colour: '#A259C4',
    definition: {
      nl: 'Het onderwijs moet flexibel en vraaggericht worden ingericht.',
      en: 'Education must be organised flexibly and in a demand-driven way.',
    },
    inclusion: {
      nl: 'Het rapport noemt een flexibele, vraaggerichte inrichting (roosters, leerroutes, instroommomenten, keuzeaanbod) als voorwaarde of succesfactor, of het ontbreken ervan als belemmering.',
      en: 'The report names flexible, demand-driven organisation (timetables, learning pathways, intake moments, choice of options) as a condition or success factor, or its absence as an obstacle.',
    },
    exclusion: {
      nl: 'Een beschrijving van de keuzemogelijkheden van leerlingen zonder dat die als werkzame factor wordt genoemd: Vraaggericht. De eigen invloed en het eigenaarschap van de lerende zelf: Werkzame bestanddelen 9.',
      en: 'A description of students’ choices that is not named as a working factor: Demand-driven. The learner’s own influence and ownership: Working ingredient 9.',
    },
    example: {
      nl: 'Een belangrijke voorwaarde bleek het flexibele rooster: studenten konden op vier momenten per jaar instromen en een deel van hun programma zelf samenstellen.',
      en: 'The flexible timetable proved to be an important condition: students could enrol at four points in the year and put together part of their programme themselves.',
    },
  },
  {
    key: 'wb-8',
    parentKey: 'bestanddelen',
    name: { nl: '8 Werkbeeld en eigen kracht', en: '8 Picture of work and own strengths' },
    colour: '#D4A8FF',
    definition: {
      nl: 'Docenten en praktijkbegeleiders kunnen helpen om lerenden zich een werkbeeld te vormen en zich bewust te maken van hun kracht, waardoor ze keuzes kunnen maken voor de toekomst. Zorg voor studenten moet in evenwicht zijn met het bieden van uitdaging.',
      en: 'Teachers and workplace supervisors can help learners form a picture of work and become aware of their strengths, so that they can make choices for the future. Care for students must be balanced with offering challenge.',
    },
    inclusion: {
      nl: 'Begeleiding die leerlingen helpt een beeld van het werk te vormen, hun kwaliteiten te ontdekken en keuzes voor de toekomst te maken; een evenwicht tussen zorg en uitdaging.',
      en: 'Guidance that helps students form a picture of the work, discover their qualities and make choices for the future; a balance between care and challenge.',
    },
    exclusion: {
      nl: 'Niet voor zorg bij persoonlijke problemen zonder verband met werkbeeld of keuzes. Het gesprek als kenmerk van de leeromgeving, zonder dat het als werkzame factor wordt genoemd: Dialogisch.',
      en: 'Not for care with personal problems unrelated to a picture of work or to choices. The conversation as a feature of the learning environment, not named as a working factor: Dialogical.',
    },
    example: {
      nl: 'Door de gesprekken met hun praktijkbegeleider kregen studenten een beter beeld van het werk en van waar zij goed in zijn. De begeleiders leerden daarbij niet alles voor de studenten op te lossen, maar hen ook uit te dagen.',
      en: 'Through the conversations with their workplace supervisor students gained a clearer picture of the work and of what they are good at. The supervisors learned not to solve everything for the students, but to challenge them as well.',
    },
  },
  {
    key: 'wb-9',
    parentKey: 'bestanddelen',
    name: { nl: '9 Lerenden eigenaar van hun loopbaan', en: '9 Learners own their career' },
    colour: '#4B2C8F',
    definition: {
      nl: 'Lerenden moeten zelf invloed uitoefenen op hun eigen leren. Ze moeten eigenaar leren worden van hun eigen loopbaan.',
      en: 'Learners must exert influence on their own learning themselves. They must learn to become the owners of their own careers.',
    },
    inclusion: {
      nl: 'Leerlingen die zelf doelen stellen, keuzes maken en verantwoordelijkheid nemen voor hun leren en loopbaan, als factor van slagen genoemd, of het ontbreken daarvan als belemmering.',
      en: 'Students who set their own goals, make choices and take responsibility for their learning and career, named as a factor in success, or its absence as an obstacle.',
    },
    exclusion: {
      nl: 'Keuzemogelijkheden als kenmerk van de leeromgeving, zonder dat ze als werkzame factor worden genoemd: Vraaggericht. Niet voor zelfstandig werken zonder invloed op wat en hoe er geleerd wordt.',
      en: 'Choices as a feature of the learning environment, not named as a working factor: Demand-driven. Not for working independently without influence on what is learned and how.',
    },
    example: {
      nl: 'Het project liet zien dat studenten die zelf hun leerdoelen en stageplek kozen, gemotiveerder waren en vaker een bewuste vervolgkeuze maakten.',
      en: 'The project showed that students who chose their own learning goals and placement were more motivated and more often made a deliberate choice about their next step.',
    },
  },
]

/**
 * The built-in template 'loopbaan': the framework of the seed document study into 17
 * innovation projects in which school and business cooperate on career learning.
 * Codes are in tree order (parents before children).
 */
export const LOOPBAAN: CodebookTemplate = {
  id: 'loopbaan',
  name: {
    nl: 'Loopbaangerichte samenwerking school–bedrijf',
    en: 'Career-oriented school–company cooperation',
  },
  description: {
    nl: 'Codeboek naar de documentenstudie van 17 innovatieprojecten waarin school en bedrijfsleven samenwerken aan leeromgevingen voor de loopbaanontwikkeling van leerlingen (project ‘Integreren van leren in school en praktijk’): de fasen van samenwerking, de krachtige loopbaangerichte leeromgeving, verzet tegen cultuurverandering, gebrek aan leiderschap en negen werkzame bestanddelen.',
    en: 'Codebook after the document study of 17 innovation projects in which schools and businesses cooperate on learning environments for students’ career development (project ‘Integrating learning at school and in practice’): the phases of cooperation, the powerful career-oriented learning environment, resistance to culture change, the leadership gap and nine working ingredients.',
  },
  codes: [...fase, ...leeromgeving, ...verzet, ...leiderschap, ...bestanddelen],
}

const TEMPLATES: readonly CodebookTemplate[] = [LOOPBAAN]

/** The built-in template with this id, or undefined when there is none. */
export function templateById(id: string): CodebookTemplate | undefined {
  return TEMPLATES.find((t) => t.id === id)
}
