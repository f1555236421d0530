/// The words the multilingual fixture is made of, drawn once from the Faker library's locale data (de_DE, fr_FR,
/// es_ES, pt_BR, nl_NL, it_IT, ja_JP, en_GB) and written down here, so the tests need no Python. They come from
/// a different source than the classifier's own name lists, so the fixture measures how detection
/// generalises rather than whether it recognises its own words.
extension MultilingualPIIFixture {
    struct Locale {
        var firstNames: [String]
        var lastNames: [String]
        var streets: [String]
        var cities: [String]
        var companies: [String]
    }

    static let locales: [String: Locale] = [
        "de": Locale(
            firstNames: [
                "Felicitas", "Engelbert", "Andrei", "Jolanta", "Karl Heinz", "Ioannis", "Hellmuth", "Fredo", "Jennifer", "Edmund",
                "Gülay", "Johanne", "Rosalie", "Beatrix", "Dieter", "Daniela", "Sigfried", "Anton", "Ansgar", "Domenico",
                "Heinz-Jürgen", "Holger", "Alwine", "Dorothea", "Andrew", "Camilla", "Hans-Uwe", "Irena", "Friedlinde", "Hilma",
                "Siegfried", "Heinz-Werner", "Tom", "Damaris", "Karl-Hans", "Mara", "Olga", "Ahmad", "Katy", "Magrit",
            ],
            lastNames: [
                "Freudenberger", "Thanel", "Löchel", "Karge", "Holsten", "Förster", "Hande", "Wiek", "Kallert", "Dobes", "Davids",
                "Kramer", "Dietz", "Klemt", "Kaul", "Schleich", "Hettner", "Beyer", "Vollbrecht", "Mies", "Reising", "Ebert",
                "Kostolzin", "Budig", "Rohleder", "Hornig", "Schottin", "Schönland", "Klotz", "Rust", "Gröttner", "Tlustek",
                "Bohnbach", "Bien", "Speer", "Heidrich", "Wirth", "Hoffmann", "Heintze", "Ditschlerin",
            ],
            streets: [
                "Holstenstraße", "Fröhlichring", "Häringweg", "Tintzmannweg", "Eileen-Schuster-Platz", "Gottlieb-Misicher-Straße",
                "Schwitalweg", "Hedy-Junk-Gasse", "Marie-Beckmann-Ring", "Heusergasse", "Sigrid-Rosenow-Allee", "Hahnweg",
                "Krokerweg", "Fechnerring", "Istvan-Weinhage-Weg", "Weinholdstr.", "Säuberlichstraße", "Hartmannplatz",
                "Conradiallee", "Natascha-Dörschner-Platz", "Ljiljana-Stiffel-Straße", "Raymond-Kranz-Weg", "Rädelring",
                "Hanne-Ullmann-Gasse", "Wilmsenweg", "Dowergring", "Frankestraße", "Ute-Ullmann-Allee", "Ottoallee",
                "Ana-Döring-Allee",
            ],
            cities: [
                "Soltau", "Döbeln", "Zossen", "Plauen", "Sankt Goarshausen", "Neustadtner Waldnaab", "Calw", "Hechingen", "Bayreuth",
                "Reutlingen", "Borna", "Berlin",
            ],
            companies: [
                "Wilms", "Eckbauer OHG mbH", "Rogner Gehringer GbR", "auch Schlauchin", "Hahn Reuter e.G.", "Stumpf", "Trüb GmbH",
                "Steckel Seip GmbH", "Plath Mentzel AG", "Hecker AG", "Bärer Schacht KG", "Schacht GbR",
                "Boucsein Stiftung & Co. KG", "Bonbach", "Börner AG",
            ]),
        "fr": Locale(
            firstNames: [
                "Lucie", "Frédéric", "André", "Nicole", "Robert", "Patrick", "Maurice", "Guillaume", "Nathalie", "François",
                "Margaret", "Émilie", "Emmanuel", "Jeanne", "Audrey", "Arthur", "Antoine", "Éric", "Martin", "Nicolas", "Corinne",
                "Josette", "Gabrielle", "Louis", "Michelle", "Manon", "Martine", "Astrid", "Matthieu", "Caroline", "Jacqueline",
                "Roger", "Suzanne", "Aimé", "Patricia", "Susan", "Hugues", "Marthe", "Zacharie", "Honoré",
            ],
            lastNames: [
                "Fabre", "Ledoux", "Marques", "Henry", "Morin", "Gillet", "Pereira", "Pelletier", "Barre", "Texier", "Aubry",
                "Bertrand", "Chauveau", "Jacques", "Regnier", "Denis", "Hoareau", "Chevalier", "Courtois", "Cousin", "Techer",
                "Maurice", "Étienne", "Verdier", "Olivier", "Fischer", "Muller", "Lambert", "Peltier", "Dumas", "Leleu",
                "Charpentier", "Rey", "Roussel", "Lopes", "De Sousa", "Bousquet", "Marchal", "Goncalves", "Lemaître",
            ],
            streets: [
                "rue Marguerite Da Costa", "rue de Raynaud", "rue de Joubert", "rue de Goncalves", "avenue Richard Riou",
                "boulevard de Vasseur", "chemin de Lecoq", "rue David", "avenue René François", "boulevard Wagner",
                "rue Marcelle Didier", "avenue Guy Aubry", "rue Vallet", "boulevard de Charles", "boulevard de Gilbert",
                "avenue de Étienne", "rue Grégoire", "rue Olivie Rousseau", "rue Techer", "avenue Godard", "avenue Weber",
                "avenue de Evrard", "boulevard Alain Bazin", "rue de Normand", "chemin de Marie", "avenue Hugues De Sousa",
                "chemin Charrier", "boulevard Gautier", "chemin de Riou", "boulevard de Philippe",
            ],
            cities: [
                "Besson", "Gimenez", "Martinboeuf", "MoreauBourg", "Le Gall", "Boyer", "Duhamel", "Saint Nathdan",
                "Saint Gilbertdan", "Gaillard-la-Forêt", "Seguinnec", "Delannoy",
            ],
            companies: [
                "Alexandre", "Navarro", "Mathieu", "Jean Andre SARL", "Pruvost S.A.S.", "Pruvost Vasseur SA", "Neveu et Fils",
                "Rolland SA", "Rémy SA", "Lopes Laroche S.A.R.L.", "Gimenez Payet et Fils", "Berger", "Cordier",
                "Gauthier Pereira et Fils", "Monnier",
            ]),
        "es": Locale(
            firstNames: [
                "Feliciana", "Dani", "Amador", "Manuela", "Leonardo", "Jose Ignacio", "Jacinto", "Emilio", "Maite", "Cristian",
                "Inmaculada", "Manu", "Tecla", "Caridad", "Chucho", "Dominga", "Telmo", "Amílcar", "Amor", "Ciro", "Isaías", "Joan",
                "Anselma", "Eligia", "Amando", "Chelo", "Heliodoro", "Lilia", "Florentina", "Judith", "Simón", "Isidro", "Vidal",
                "Dolores", "Leopoldo", "Nydia", "Ruth", "Adolfo", "Martina", "Noelia",
            ],
            lastNames: [
                "Cuervo", "Rocamora", "Nieto", "Lobo", "Cortés", "Garrido", "Navarro", "Calatayud", "Bru", "Pinto", "Caballero",
                "Palomar", "Núñez", "Lamas", "Aroca", "Segovia", "Casanovas", "Pinedo", "Bermúdez", "Marcos", "Pardo", "Fernandez",
                "Baños", "Arroyo", "Goñi", "Mancebo", "Bernal", "Guerrero", "Cabrero", "Santana", "Patiño", "Cánovas", "Pellicer",
                "Padilla", "Gallego", "Lasa", "Bellido", "Donoso", "Hierro", "Cárdenas",
            ],
            streets: [
                "C. de Julián Gimenez", "Calle de Jenaro Antón", "C. de Julio Batalla", "Camino Sarita Miranda",
                "Cuesta Ruy Segarra", "Callejón Emilio Huerta", "Camino de Tiburcio Pujol", "Urbanización de Emiliano Vergara",
                "Avenida de Marisol Arévalo", "Vial Eulalia Cuesta", "Avenida de Rogelio Pizarro", "Pasadizo de José Alberdi",
                "Paseo Maricela Lasa", "Via de Lázaro Royo", "Pasaje Abraham Lago", "Pasadizo Ximena Camino",
                "Pasadizo de Emelina Flor", "Acceso María Belén Cuéllar", "Alameda Amaya Aliaga", "Acceso Selena Meléndez",
                "Calle Jose Angel Bermúdez", "Cuesta Olalla Bayón", "Vial Georgina Talavera", "Callejón Belén Rocha",
                "Paseo Marisol Font", "C. de Hilda Perea", "Pasadizo de Vito Carrillo", "Urbanización Bernardo Neira",
                "Camino Casandra Grau", "Plaza Calisto Barral",
            ],
            cities: [
                "Asturias", "Guipúzcoa", "Málaga", "Cuenca", "Castellón", "Toledo", "Ciudad", "Zaragoza", "Cantabria", "Badajoz",
                "Huelva", "La Rioja",
            ],
            companies: [
                "Rosario Balaguer Cabello S.A.", "Canales & Asociados S.A.", "Enrique Roca Español S.C.P",
                "Comercializadora del Norte S.L.L.", "Comercial ZRYW S.L.L.", "Soluciones Torralba S.Coop.", "Barral y Cózar S.Com.",
                "Lara y Sanz S.C.P", "Fabián Falcó Martin S.A.T.", "Familia Mir S.A.", "Ani Criado Barberá S.L.N.E",
                "Farmaceútica EJ S.A.U", "Industrias EGVE S.Coop.", "Fábrica Miralles & Asociados S.C.P",
                "Inversiones Sebastián S.Com.",
            ]),
        "pt": Locale(
            firstNames: [
                "Henry Gabriel", "Benicio", "Yan", "Samuel", "Pietro", "João Lucas", "Gustavo", "Zoe", "Erick", "Lavínia", "Benício",
                "Bento", "Francisco", "Pedro Henrique", "Ravi Lucca", "Mirella", "Benjamim", "Miguel", "Larissa", "Pedro Lucas",
                "Manuela", "Agatha", "Anthony Gabriel", "Liam", "Carolina", "Leonardo", "Pedro", "Bárbara", "Gabrielly", "Gael",
                "Elisa", "Catarina", "Vinícius", "Caio", "Maria Clara", "Stella", "Josué", "Gabriela", "Emanuel", "Ana Beatriz",
            ],
            lastNames: [
                "Pires", "Pinto", "Fonseca", "Oliveira", "Correia", "Santos", "Azevedo", "Aparecida", "Ribeiro", "da Conceição",
                "Vargas", "da Rocha", "Barros", "Brito", "Garcia", "da Mota", "Marques", "Porto", "Castro", "Freitas", "Fogaça",
                "Costela", "Rios", "da Mata", "Sampaio", "Rodrigues", "Ramos", "Barbosa", "Pereira", "Cavalcante", "Nascimento",
                "Siqueira", "da Cruz", "Martins", "Sales", "Novais", "Câmara", "Duarte", "Vasconcelos", "Araújo",
            ],
            streets: [
                "Área Dias", "Ladeira Davi Lucca Cunha", "Largo de Cunha", "Residencial de Gonçalves", "Quadra de Casa Grande",
                "Conjunto Thales Souza", "Setor de da Luz", "Trecho de Lima", "Passarela de Fonseca", "Conjunto Moraes",
                "Chácara Calebe Camargo", "Vereda Castro", "Praça de Peixoto", "Parque Garcia", "Quadra de Moura",
                "Sítio Antônio Rodrigues", "Condomínio de Rodrigues", "Ladeira de Vargas", "Loteamento de Camargo",
                "Praça Levi Marques", "Jardim Montenegro", "Rodovia Caldeira", "Lagoa de Porto", "Trevo de Costa", "Núcleo Teixeira",
                "Setor Vasconcelos", "Aeroporto de Peixoto", "Residencial Arthur Miguel Camargo", "Lagoa Rhavi Araújo",
                "Travessa Barros",
            ],
            cities: [
                "Siqueira", "Azevedo de Teixeira", "Cardoso", "Novaes de Cavalcante", "Moura das Pedras", "Nogueira", "Silva",
                "Guerra da Praia", "Moreira de Machado", "da Cruz", "Azevedo", "Almeida Verde",
            ],
            companies: [
                "Pastor Câmara S/A", "Santos e Filhos", "da Conceição S/A", "Farias S/A", "da Mota Rios - ME",
                "Nogueira Cardoso e Filhos", "da Cruz", "Jesus", "Brito Brito e Filhos", "Fogaça", "Siqueira", "Rocha e Filhos",
                "Araújo - ME", "Caldeira", "Correia Correia - EI",
            ]),
        "nl": Locale(
            firstNames: [
                "Floortje", "Finn", "Ayden", "Lara", "Mart", "Liam", "Kian", "Imran", "Kyra", "Emir", "Ivy", "Puck", "Cato", "Dean",
                "Ella", "Sven", "Bastiaan", "Bas", "Dirk", "Kay", "Lars", "Amina", "Esther", "Ayoub", "Daphne", "Jorn", "Julia",
                "Hanna", "Jinthe", "Sten", "Keano", "Tobias", "Elize", "Mathijs", "Maja", "Noortje", "Aiden", "Linde", "Maartje",
                "Jasper",
            ],
            lastNames: [
                "van Breugel", "Voortman", "Schilt", "Ketting", "Moenen", "Verwoert", "Goyaerts van Waderle", "Geertsen",
                "de Gruijter", "Gerritsen", "Wolffel", "Waltrade Walderade", "Rotteveel", "Broekhoven", "van Laar", "van der Linden",
                "Hoes", "de Groot", "Engels", "Smits", "Wolzak", "Loreal", "Dorsman", "Bruggeman", "Oda", "Slaetsdochter", "Ernst",
                "Osterhoudt", "Goedhart", "van Heusden", "Wunderink", "Kok", "Zwijsen", "Willems van Lier", "Mercks", "Rubben",
                "Driessen", "Kronenberg", "van der Laan", "Pieters",
            ],
            streets: [
                "Valentijnring", "Siennaweg", "Jannepad", "Kyanbaan", "Sepplaan", "Jurrestraat", "Jurreweg", "Sennweg", "Jacklaan",
                "Loeksteeg", "Leahstraat", "Renskestraat", "Ravihof", "Amysingel", "Lilybaan", "Janweg", "Lotteweg",
                "Esilaboulevard", "Ryanstraat", "Aylinlaan", "Jadeboulevard", "Liseweg", "Finnlaan", "Jasonsingel", "Vajènlaan",
                "Amiraboulevard", "Milaweg", "Janpad", "Brittsteeg", "Esmeepad",
            ],
            cities: [
                "Tjerkwerd", "Ammerstol", "Doeveren", "Oentsjerk", "Markelo", "Ittervoort", "Bleiswijk", "Jirnsum", "Woudenberg",
                "Buinerveen", "Colijnsplaat", "Tienhoven",
            ],
            companies: [
                "van der Kint BV", "van Olst & van der Velden", "Roukes & van der Brink", "VDL Group", "Thout & de Vroege",
                "Koninklijke van den Brink", "Jumbo", "Niermann & Dennenberg", "Stichting Ooms", "Ansems & Dries", "Oennen BV",
                "Verheij BV", "Schipper & van Salmen", "van der Meer & Huijzing", "ASR",
            ]),
        "it": Locale(
            firstNames: [
                "Eugenia", "Costanzo", "Alfio", "Lucia", "Guglielmo", "Gioele", "Gianfranco", "Elladio", "Loredana", "Claudio",
                "Giorgia", "Victoria", "Alina", "Calogero", "Camilla", "Piersanti", "Amedeo", "Amadeo", "Carmelo", "Gian",
                "Gianpaolo", "Toni", "Chiara", "Alfredo", "Annamaria", "Gaetano", "Lauretta", "Federica", "Iolanda", "Piero",
                "Giancarlo", "Ricciotti", "Bianca", "Gustavo", "Paloma", "Susanna", "Adriano", "Maria", "Olga", "Ermes",
            ],
            lastNames: [
                "Raimondi", "Morpurgo", "Lettiere", "Cremonesi", "Gabrieli", "Morandini", "Camicione", "Cabibbo", "Parmitano",
                "Cagnin", "Oliboni", "Muratori", "Iannucci", "Battaglia", "Sauro", "Valguarnera", "Cattaneo", "Pareto", "Bosurgi",
                "Villarosa", "Magnani", "Opizzi", "Ferrabosco", "Bonanno", "Beccheria", "Gentilini", "Luxardo", "Bottaro",
                "Giannini", "Callegaro", "Sanguineti", "Ossani", "Cuzzocrea", "Paganini", "Norbiato", "Foscari", "Interiano",
                "Bongiorno", "Donini", "Udinese",
            ],
            streets: [
                "Via Romolo", "Contrada Volta", "Canale Manuel", "Borgo Pina", "Rotonda Pasquale", "Strada Franceschi",
                "Borgo Tarchetti", "Canale Sauli", "Contrada Elladio", "Stretto Adele", "Vicolo Renzi", "Rotonda Galilei",
                "Stretto Silvio", "Piazza Sonia", "Via Eliana", "Canale Piersanti", "Incrocio Orazio", "Stretto Gregorio",
                "Canale Licia", "Canale Valeria", "Canale Morpurgo", "Contrada Raffaellino", "Viale Adamo", "Stretto Emo",
                "Canale Lazzaro", "Via Nico", "Stretto Melania", "Vicolo Luigi", "Piazza Cardano", "Contrada Giradello",
            ],
            cities: [
                "Villanova D'Asti Stazione", "Orvieto Scalo", "Cumiana", "Campremoldo Sopra", "Petrulli", "Oriola", "Oneglia",
                "Tamai", "Monale", "Windegg", "Valtournenche", "Casaletto Lodigiano",
            ],
            companies: [
                "Vattimo e figli", "Mazzacurati, Piane e Palombi s.r.l.", "Salvini, Casini e Granatelli e figli", "Moretti SPA",
                "Visintini, Giammusso e Galuppi SPA", "Biagiotti e figli", "Bajardi Group", "Tosi e figli",
                "Spanevello-Gabba e figli", "Serraglio, Golino e Serraglio s.r.l.", "Caccioppoli SPA",
                "Ricciardi, Nolcini e Randazzo s.r.l.", "Bernini-Caironi SPA", "Morlacchi-Cantimori e figli", "Favata s.r.l.",
            ]),
        "ja": Locale(
            firstNames: [
                "花子", "翔太", "篤司", "結衣", "英樹", "直樹", "智也", "淳", "修平", "舞", "くみ子", "健一", "千代", "亮介", "治", "翼", "香織", "直子", "さゆり", "拓真",
                "幹", "春香", "美加子", "洋介", "涼平", "晃", "裕美子", "太一", "稔", "聡太郎", "康弘", "裕樹", "直人", "桃子", "零", "浩", "七夏", "裕太", "知実", "京助",
            ],
            lastNames: [
                "佐藤", "伊藤", "山本", "鈴木", "渡辺", "山崎", "小林", "田中", "福田", "斎藤", "石川", "高橋", "岡本", "井上", "池田", "近藤", "藤田", "太田", "斉藤",
                "阿部", "加藤", "藤井", "山田", "木村", "林", "青木", "中川", "山口", "清水", "小川", "吉田", "松本", "松田", "石井", "山下", "三浦", "遠藤", "前田",
                "後藤", "中村",
            ],
            streets: [
                "鈴木 Street", "伊藤 Street", "松田 Street", "阿部 Street", "松本 Street", "福田 Street", "加藤 Street", "青木 Street", "佐藤 Street",
                "森 Street", "山下 Street", "後藤 Street", "吉田 Street", "高橋 Street", "山田 Street", "岡田 Street", "西村 Street", "遠藤 Street",
                "小林 Street", "田中 Street", "林 Street", "清水 Street", "山本 Street", "村上 Street", "渡辺 Street", "山崎 Street", "木村 Street",
                "太田 Street", "中村 Street", "小川 Street",
            ],
            cities: [
                "長生郡長南町", "印旛郡印旛村", "横浜市鶴見区", "西多摩郡檜原村", "南房総市", "大田区", "横浜市旭区", "君津市", "横浜市戸塚区", "江戸川区", "山武郡横芝光町", "香取郡東庄町",
            ],
            companies: [
                "中村保険株式会社", "株式会社阿部電気", "渡辺農林有限会社", "山崎電気合同会社", "福田農林有限会社", "合同会社藤原食品", "株式会社林印刷", "吉田情報株式会社", "青木建設有限会社",
                "合同会社吉田情報", "有限会社吉田運輸", "清水運輸株式会社", "山口運輸有限会社", "加藤食品合同会社", "株式会社吉田電気",
            ]),
        "en": Locale(
            firstNames: [
                "Ruth", "Nathan", "Peter", "Henry", "Duncan", "Francis", "Bradley", "Timothy", "Sian", "Janice", "Nicholas", "Marie",
                "Mary", "Ryan", "Robert", "Colin", "Charlie", "Donald", "Leanne", "Mandy", "Richard", "Chelsea", "Joe", "Francesca",
                "Rita", "Samantha", "Gerald", "Lucy", "Joan", "Ricky", "Thomas", "Sam", "Amelia", "Maurice", "Dean", "Robin", "Tom",
                "Jessica", "Lewis", "Sarah",
            ],
            lastNames: [
                "Baker", "Butler", "Gough", "Elliott", "Wilkinson", "Simpson", "Owens", "Fisher", "Norton", "Hurst", "Taylor",
                "Mellor", "Campbell", "Thomas", "Wilson", "Harris", "Francis", "Barnes", "Spencer", "White", "Woods", "Hargreaves",
                "Middleton", "Kelly", "Phillips", "Cross", "Miah", "John", "Thompson", "Briggs", "Humphries", "Lamb", "Scott",
                "Hart", "Randall", "Richardson", "Watts", "Russell", "Higgins", "Saunders",
            ],
            streets: [
                "Collins Port", "Kelly Parks", "Young Row", "Wilkins Dam", "Chelsea Plain", "Morris Meadow", "Evans Dam",
                "Green Causeway", "Carl Road", "Gail Manors", "Emma Light", "Hill Plaza", "Gail Stravenue", "Jill Plain",
                "Read Junctions", "Billy Mews", "Sandra Alley", "Page Track", "Kathleen Coves", "Gray Parkways", "Carl Landing",
                "Sheila Tunnel", "June Islands", "Brown Lake", "Smith Garden", "Graham Street", "Sharp Trace", "Scott Shoals",
                "May Expressway", "Hill Rest",
            ],
            cities: [
                "Arnoldside", "Lake Graeme", "Turnerstad", "Lyonsmouth", "East Ericland", "Michaelshire", "New Gerald",
                "North Lindseyton", "North Ryan", "Stevenhaven", "West Aimee", "Stevensberg",
            ],
            companies: [
                "Hudson, Bradshaw and Jones", "Mann-Bates", "Slater LLC", "Ali-Taylor", "Davies Ltd", "Long Ltd",
                "Roberts-Griffiths", "Bates Group", "Oliver LLC", "Smith-Preston", "Mann-Davis", "Bentley PLC", "Morgan and Sons",
                "Stevenson Group", "Taylor Inc",
            ]),
    ]

    static let japaneseAddresses: [String] = [
        "大阪府文京区竜泉30丁目14番2号 権現堂シティ909", "鳥取県八千代市六番町20丁目25番13号 高田馬場コート734", "島根県鎌ケ谷市芝大門22丁目22番13号 卯の里シャルム980",
        "愛媛県日野市独鈷沢6丁目21番14号 湯宮シャルム046", "神奈川県足立区東神田22丁目25番13号 脚折シティ170", "山口県浦安市四番町15丁目21番3号 パレス轟309", "富山県山武市上野桜木8丁目19番7号",
        "宮崎県長生郡白子町月島11丁目20番20号 睦コーポ190", "香川県西東京市港南26丁目23番7号 二つ室アーバン491", "岩手県墨田区三ノ輪28丁目22番12号 ハイツ日本堤067",
        "兵庫県川崎市多摩区勝どき41丁目27番15号", "群馬県荒川区押上34丁目21番9号 コート北上野694", "富山県横浜市磯子区前弥六18丁目15番8号 今戸シティ075", "島根県山武郡芝山町六番町17丁目11番9号",
        "宮崎県横浜市緑区五味ヶ谷36丁目1番17号 アーバン細竹678", "宮崎県江戸川区千束29丁目26番1号", "山梨県山武郡横芝光町高輪16丁目10番19号", "鳥取県小金井市三筋23丁目14番18号 一ツ橋パーク444",
        "茨城県利島村上高野21丁目4番18号", "千葉県香取郡多古町下吉羽31丁目9番19号 コート脚折町343",
    ]

    static let romajiFirstNames: [String] = [
        "Mai", "Yui", "Taro", "Nanami", "Satomi", "Manabu", "Yoichi", "Sayuri", "Akira", "Hiroshi", "Tsubasa", "Ryosuke", "Rika",
        "Chiyo", "Naoko", "Haruka", "Mituru", "Rei", "Ryohei", "Kaori", "Akemi", "Taichi", "Maaya", "Kenichi", "Hanako",
        "Minoru", "Yumiko", "Naoki", "Tomoya", "Takuma",
    ]
    static let romajiLastNames: [String] = [
        "Takahashi", "Sato", "Okamoto", "Saito", "Fujita", "Yamada", "Sakamoto", "Kimura", "Yamashita", "Kobayashi", "Kato",
        "Ikeda", "Ishii", "Goto", "Ito", "Okada", "Hashimoto", "Inoue", "Fujii", "Suzuki", "Matsumoto", "Yamamoto", "Maeda",
        "Yoshida", "Aoki", "Kondo", "Watanabe", "Sasaki", "Nakamura", "Tanaka",
    ]
}
